// Package synth generates realistic Vietnamese records (news items and
// administrative documents of a provincial People's Committee) for
// benchmarks and load tests. The output is deterministic for a seed.
package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"bientap/model"
)

var (
	actions = []string{"Triển khai", "Tăng cường", "Phát động", "Tổ chức", "Hướng dẫn", "Kiểm tra", "Đẩy mạnh",
		"Tổng kết", "Sơ kết", "Chỉ đạo", "Thực hiện", "Nâng cao hiệu quả", "Kiện toàn", "Rà soát", "Khắc phục"}
	topics = []string{"phong trào thi đua yêu nước", "công tác phòng, chống thiên tai", "cải cách hành chính",
		"chuyển đổi số", "xây dựng nông thôn mới", "phòng cháy, chữa cháy rừng", "giảm nghèo bền vững",
		"công tác dân tộc", "bảo đảm trật tự an toàn giao thông", "phát triển du lịch cộng đồng",
		"tiêm chủng mở rộng", "quản lý đất đai", "thu ngân sách nhà nước", "hỗ trợ doanh nghiệp nhỏ và vừa",
		"bảo vệ môi trường", "công tác tuyển quân", "xây dựng Đảng và hệ thống chính trị", "thủy lợi, thuỷ điện",
		"giáo dục và đào tạo", "y tế cơ sở", "an sinh xã hội", "phòng, chống dịch bệnh gia súc",
		"khuyến nông, khuyến lâm", "hòa giải ở cơ sở", "ứng dụng công nghệ thông tin", "phổ biến, giáo dục pháp luật",
		"bình đẳng giới", "phòng, chống tham nhũng", "tiếp công dân", "giải quyết khiếu nại, tố cáo",
		"quản lý thị trường", "an toàn thực phẩm", "bảo hiểm xã hội, bảo hiểm y tế", "đào tạo nghề cho lao động nông thôn",
		"xuất khẩu lao động", "phát triển cây chè", "trồng cây mắc ca", "bảo tồn văn hóa các dân tộc",
		"thể dục thể thao quần chúng", "xây dựng gia đình văn hóa", "cấp nước sinh hoạt nông thôn",
		"quy hoạch tỉnh", "giải phóng mặt bằng", "đầu tư công", "thu hút đầu tư", "kinh tế tập thể, hợp tác xã",
		"chương trình OCOP", "phòng, chống ma túy", "quốc phòng toàn dân", "công tác cán bộ", "thi đua khen thưởng",
		"sắp xếp đơn vị hành chính", "dịch vụ công trực tuyến", "chữ ký số", "hạ tầng giao thông", "sạt lở đất"}
	places = []string{"huyện Tam Đường", "huyện Phong Thổ", "huyện Sìn Hồ", "huyện Mường Tè", "huyện Than Uyên",
		"huyện Tân Uyên", "huyện Nậm Nhùn", "thành phố Lai Châu", "xã Bản Hon", "xã Khun Há", "phường Đông Phong",
		"xã Pa Tần", "xã Mù Cả", "xã Dào San", "xã Sì Lở Lầu", "xã Nậm Tăm", "xã Pắc Ta", "xã Mường Kim",
		"phường Tân Phong", "xã Sơn Bình", "xã Thu Lũm", "xã Ka Lăng", "xã Bum Tở", "xã Nậm Hàng"}
	times = []string{"năm 2026", "quý I", "6 tháng đầu năm", "giai đoạn 2021 - 2025", "giai đoạn 2026 - 2030", "tháng 9"}
	who   = []string{"Đồng chí Chủ tịch UBND tỉnh", "Đồng chí Phó Chủ tịch UBND tỉnh", "Lãnh đạo Sở Nội vụ",
		"Ban Chỉ đạo tỉnh", "Đoàn công tác của tỉnh", "Hội đồng Thi đua - Khen thưởng tỉnh", "Sở Kế hoạch và Đầu tư"}
	verbs = []string{"nhấn mạnh", "yêu cầu", "đề nghị", "chỉ đạo", "ghi nhận", "biểu dương", "lưu ý"}
	objs  = []string{"các sở, ban, ngành", "UBND các huyện, thành phố", "các cơ quan, đơn vị", "cán bộ, công chức",
		"người dân và doanh nghiệp", "các xã vùng cao", "lực lượng vũ trang tỉnh", "đoàn viên thanh niên"}
	ends = []string{"nhằm hoàn thành tốt nhiệm vụ được giao", "bảo đảm đúng tiến độ, chất lượng",
		"góp phần phát triển kinh tế - xã hội của địa phương", "kịp thời báo cáo kết quả về UBND tỉnh",
		"tạo sự đồng thuận trong Nhân dân", "không để xảy ra tình trạng chậm trễ"}
	categories = []string{"Tin tức sự kiện", "Chỉ đạo điều hành", "Kinh tế", "Văn hóa - Xã hội", "Thông báo"}
	docKinds   = []model.Kind{model.KindThongBao, model.KindKeHoach, model.KindCongVan, model.KindCongDien,
		model.KindBaoCao, model.KindQuyetDinh, model.KindGiayMoi}
)

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

// sentence writes one sentence about topic in place (a news item keeps to
// its topic and place; one sentence in four wanders elsewhere).
func sentence(r *rand.Rand, topic, place string) string {
	if r.IntN(4) == 0 {
		topic = pick(r, topics)
	}
	if r.IntN(4) == 0 {
		place = pick(r, places)
	}
	return fmt.Sprintf("%s %s %s %s %s tại %s, %s.", pick(r, who), pick(r, verbs), pick(r, objs),
		strings.ToLower(pick(r, actions)), topic, place, pick(r, ends))
}

// Records returns n records dated over the years before 2026-12-31: about
// two thirds news items, the rest administrative documents, with bodies of
// roughly bodyParagraphs paragraphs.
func Records(n int, seed uint64, bodyParagraphs int) []*model.Record {
	r := rand.New(rand.NewPCG(seed, seed^0x9E3779B97F4A7C15))
	end := time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)
	statuses := []model.Status{model.StatusPublished, model.StatusPublished, model.StatusPublished,
		model.StatusApproved, model.StatusReview, model.StatusDraft}
	out := make([]*model.Record, n)
	for i := range out {
		topic, place := pick(r, topics), pick(r, places)
		rec := &model.Record{
			Kind:     model.KindNews,
			Title:    fmt.Sprintf("%s %s %s %s", pick(r, actions), topic, pick(r, times), place),
			Summary:  sentence(r, topic, place),
			Category: pick(r, categories),
			Place:    "Lai Châu",
			Date:     end.AddDate(0, 0, -r.IntN(365*12)),
			Status:   pick(r, statuses),
		}
		var body strings.Builder
		for p := 0; p < bodyParagraphs; p++ {
			if p > 0 {
				body.WriteByte('\n')
			}
			for s := 0; s < 2+r.IntN(3); s++ {
				if s > 0 {
					body.WriteByte(' ')
				}
				body.WriteString(sentence(r, topic, place))
			}
		}
		rec.Body = body.String()
		if r.IntN(3) == 0 {
			rec.Kind = pick(r, docKinds)
			rec.Number = fmt.Sprintf("%02d", 1+r.IntN(300))
			rec.Sign = rec.Kind.Abbr() + "-UBND"
			rec.Agency = "ỦY BAN NHÂN DÂN"
			rec.SignerName = "Nguyễn Văn An"
		}
		out[i] = rec
	}
	return out
}
