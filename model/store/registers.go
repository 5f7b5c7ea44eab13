package store

import (
	"strings"
	"time"

	"bientap/model"
)

// OutgoingRegister returns the records of the year's register of outgoing
// documents (sổ đăng ký văn bản đi): approved or published administrative
// documents that were given a number, in date order.
func (s *Store) OutgoingRegister(year int) ([]*model.Record, error) {
	recs, err := s.Records(Query{Year: year, Kinds: model.DocumentKinds(), OldestFirst: true,
		Statuses: []model.Status{model.StatusApproved, model.StatusPublished}})
	if err != nil {
		return nil, err
	}
	issued := recs[:0]
	for _, r := range recs {
		if strings.TrimSpace(r.Number) != "" {
			issued = append(issued, r)
		}
	}
	return issued, nil
}

// PublishedNews returns the news items published between from and to
// (inclusive), in date order: the "Các tin đã đăng" list.
func (s *Store) PublishedNews(from, to time.Time) ([]*model.Record, error) {
	return s.Records(Query{From: from, To: to, Kinds: []model.Kind{model.KindNews},
		Statuses: []model.Status{model.StatusPublished}, OldestFirst: true})
}
