package pdf

import "bientap/export/internal/samples"

// The sample records live in export/internal/samples, shared with the Word
// and export tests.
var (
	baseDoc   = samples.BaseDoc
	thongBao  = samples.ThongBao
	congVan   = samples.CongVan
	quyetDinh = samples.QuyetDinh
	congDien  = samples.CongDien
	giayMoi   = samples.GiayMoi
	keHoach   = samples.KeHoach
	newsItem  = samples.NewsItem
	testPNG   = samples.PNG
	testJPEG  = samples.JPEG
)
