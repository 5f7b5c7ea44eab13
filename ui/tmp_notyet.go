package ui

import "errors"

var errNotYet = errors.New("cửa sổ chưa sẵn sàng")
