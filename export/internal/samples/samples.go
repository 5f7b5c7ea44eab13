// Package samples holds the records the export tests print, convert and
// compare: one of each common document kind, a long plan with a table and a
// picture, and a news item. Tests only; nothing else imports it.
package samples

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strconv"
	"strings"
	"time"

	"bientap/model"
)

// Date and Updated are the samples' document date and save time.
var (
	Date    = time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)
	Updated = time.Date(2024, 3, 5, 9, 30, 0, 0, time.UTC)
)

// BaseDoc is a document record with the usual header and footer fields.
func BaseDoc(kind model.Kind) *model.Record {
	return &model.Record{
		ID: 7, Kind: kind, Status: model.StatusApproved,
		AgencyParent: "UBND TỈNH LAI CHÂU", Agency: "VĂN PHÒNG",
		Place: "Lai Châu", Date: Date, Number: "05", Sign: strings.TrimPrefix(kind.Abbr()+"-VP", "-"),
		SignerAuthority: "KT. CHÁNH VĂN PHÒNG", SignerPosition: "PHÓ CHÁNH VĂN PHÒNG", SignerName: "Nguyễn Văn An",
		Recipients: []string{"- Chủ tịch, các PCT UBND tỉnh (b/c);", "- Các sở, ban, ngành tỉnh;", "- UBND các huyện, thành phố;", "- Lưu: VT, HCTC."},
		Updated:    Updated, Created: Updated,
	}
}

// ThongBao is a one-page notice.
func ThongBao() *model.Record {
	r := BaseDoc(model.KindThongBao)
	r.Title = "Thông báo lịch nghỉ Tết Nguyên đán"
	r.Summary = "Về việc nghỉ Tết Nguyên đán Giáp Thìn năm 2024"
	r.Body = `Thực hiện Thông báo số 6150/TB-LĐTBXH ngày 12 tháng 12 năm 2023 của Bộ Lao động - Thương binh và Xã hội về việc nghỉ Tết Âm lịch năm 2024, Văn phòng UBND tỉnh thông báo như sau:
1. Cán bộ, công chức, viên chức và người lao động được nghỉ Tết Âm lịch **07 ngày liên tục**, từ thứ Năm ngày 08/02/2024 đến hết thứ Tư ngày 14/02/2024.
2. Các phòng, đơn vị bố trí cán bộ trực *24/24 giờ* để xử lý công việc đột xuất, bảo đảm an toàn cơ quan, phòng chống cháy nổ trong dịp nghỉ Tết.
3. Trong thời gian nghỉ Tết, mọi thông tin cần liên hệ qua số điện thoại trực 0213.3876.543 hoặc địa chỉ thư điện tử vanphong@laichau.gov.vn/lienhe-truc-tet-nguyen-dan-giap-thin-2024-van-phong-ubnd.
Văn phòng UBND tỉnh thông báo để các phòng, đơn vị biết, thực hiện./.`
	return r
}

// CongVan is an official letter with several recipients and an urgency stamp.
func CongVan() *model.Record {
	r := BaseDoc(model.KindCongVan)
	r.Sign = "VP-TH"
	r.Number = "125"
	r.Urgency = "KHẨN"
	r.Summary = "tăng cường công tác phòng, chống rét cho người, cây trồng và vật nuôi"
	r.To = []string{"Sở Nông nghiệp và Phát triển nông thôn", "Sở Y tế", "UBND các huyện, thành phố"}
	r.Recipients = []string{"Như trên;", "Chủ tịch UBND tỉnh (b/c);", "Lưu: VT, KT."}
	r.Body = `Thực hiện chỉ đạo của Chủ tịch UBND tỉnh tại Văn bản số 45/UBND-KT ngày 10/01/2024, Văn phòng UBND tỉnh đề nghị các cơ quan, đơn vị triển khai ngay các biện pháp phòng, chống rét đậm, rét hại cho người, cây trồng và vật nuôi trên địa bàn.
Các cơ quan, đơn vị chủ động rà soát, bố trí kinh phí, vật tư; báo cáo kết quả thực hiện về Văn phòng UBND tỉnh trước ngày 20/01/2024 để tổng hợp./.`
	return r
}

// QuyetDinh is a decision with legal bases and articles.
func QuyetDinh() *model.Record {
	r := BaseDoc(model.KindQuyetDinh)
	r.AgencyParent = ""
	r.Agency = "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU"
	r.Sign = "QĐ-UBND"
	r.Number = "3"
	r.SignerAuthority = "TM. ỦY BAN NHÂN DÂN"
	r.SignerPosition = "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
	r.SignerName = "Tống Thanh Hải"
	r.Summary = "Về việc phê duyệt Kế hoạch chuyển đổi số tỉnh Lai Châu năm 2024"
	r.Body = `CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;
Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;
Theo đề nghị của Giám đốc Sở Thông tin và Truyền thông tại Tờ trình số 12/TTr-STTTT ngày 01 tháng 3 năm 2024.
QUYẾT ĐỊNH:
Điều 1. Phê duyệt Kế hoạch chuyển đổi số tỉnh Lai Châu năm 2024 (có Kế hoạch chi tiết kèm theo).
Điều 2. Giao Sở Thông tin và Truyền thông chủ trì, phối hợp với các sở, ban, ngành, UBND các huyện, thành phố tổ chức triển khai thực hiện Kế hoạch; định kỳ báo cáo UBND tỉnh kết quả thực hiện.
Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các sở, Thủ trưởng các ban, ngành tỉnh, Chủ tịch UBND các huyện, thành phố và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.`
	r.Recipients = []string{"Như Điều 3;", "Chủ tịch, các PCT UBND tỉnh;", "Lưu: VT, KGVX."}
	return r
}

// CongDien is an urgent dispatch.
func CongDien() *model.Record {
	r := BaseDoc(model.KindCongDien)
	r.AgencyParent = ""
	r.Agency = "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU"
	r.Sign = "CĐ-UBND"
	r.Number = "02"
	r.Urgency = "HỎA TỐC"
	r.Summary = "Về việc tập trung ứng phó mưa lũ, sạt lở đất"
	r.SignerAuthority = "CHỦ TỊCH"
	r.SignerPosition = ""
	r.SignerName = "Lê Văn Lương"
	r.To = []string{"Giám đốc các sở, Thủ trưởng các ban, ngành tỉnh", "Chủ tịch UBND các huyện, thành phố"}
	r.Body = `CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:
Theo bản tin của Đài Khí tượng Thủy văn tỉnh, từ đêm nay đến hết ngày mai trên địa bàn tỉnh có mưa to đến rất to, nguy cơ cao xảy ra lũ quét, sạt lở đất ở vùng núi.
Để chủ động ứng phó, Chủ tịch UBND tỉnh yêu cầu các cơ quan, đơn vị, địa phương theo dõi chặt chẽ diễn biến thời tiết, tổ chức trực ban nghiêm túc và sẵn sàng lực lượng, phương tiện để ứng cứu kịp thời./.`
	return r
}

// GiayMoi is an invitation.
func GiayMoi() *model.Record {
	r := BaseDoc(model.KindGiayMoi)
	r.Summary = "Dự hội nghị sơ kết công tác văn thư, lưu trữ 6 tháng đầu năm 2024"
	r.Body = `Văn phòng UBND tỉnh trân trọng kính mời: Lãnh đạo các phòng, đơn vị thuộc Văn phòng.
Thời gian: 01 buổi, bắt đầu từ 08 giờ 00 phút, thứ Sáu ngày 12/7/2024.
Địa điểm: Hội trường tầng 3, Văn phòng UBND tỉnh.
Rất mong các đồng chí tham dự đầy đủ, đúng giờ./.`
	return r
}

// KeHoach is a long plan with sections, a table and an image: about six pages.
func KeHoach() *model.Record {
	r := BaseDoc(model.KindKeHoach)
	r.Summary = "Triển khai chuyển đổi số trong hoạt động của Văn phòng UBND tỉnh năm 2024"
	var b strings.Builder
	b.WriteString("Thực hiện Quyết định số 03/QĐ-UBND ngày 05/3/2024 của UBND tỉnh, Văn phòng UBND tỉnh ban hành Kế hoạch triển khai như sau:\n")
	sections := []string{"I. MỤC ĐÍCH, YÊU CẦU", "II. NHIỆM VỤ TRỌNG TÂM", "III. GIẢI PHÁP THỰC HIỆN", "IV. TỔ CHỨC THỰC HIỆN"}
	para := "Nâng cao chất lượng, hiệu quả hoạt động của cơ quan thông qua ứng dụng công nghệ thông tin; bảo đảm 100% văn bản đi, đến được xử lý trên môi trường mạng, trừ văn bản mật theo quy định của pháp luật; cán bộ, công chức sử dụng thành thạo hệ thống quản lý văn bản và điều hành, chữ ký số chuyên dùng và các nền tảng số dùng chung của tỉnh."
	for si, s := range sections {
		b.WriteString(s + "\n")
		for k := 1; k <= 4; k++ {
			b.WriteString(strconv.Itoa(k) + ". " + para + "\n")
			if si == 1 && k == 2 {
				b.WriteString("a) Rà soát, chuẩn hóa **quy trình nội bộ** giải quyết thủ tục hành chính; *số hóa hồ sơ* lưu trữ của cơ quan;\n")
				b.WriteString("b) Triển khai hệ thống họp trực tuyến đến cấp xã, bảo đảm kết nối thông suốt, an toàn thông tin.\n")
			}
		}
		if si == 1 {
			b.WriteString("| STT | Nhiệm vụ | Đơn vị chủ trì | Thời gian hoàn thành |\n|---|---|---|---|\n")
			for k := 1; k <= 12; k++ {
				b.WriteString("| " + strconv.Itoa(k) + " | Xây dựng cơ sở dữ liệu chuyên ngành và kết nối với nền tảng tích hợp, chia sẻ dữ liệu của tỉnh (LGSP) | Phòng Hành chính - Tổ chức | Quý " + strconv.Itoa(1+k%4) + "/2024 |\n")
			}
		}
		if si == 2 {
			b.WriteString("![Sơ đồ kết nối hệ thống quản lý văn bản](so-do.png)\n")
		}
	}
	b.WriteString("Trên đây là Kế hoạch triển khai chuyển đổi số năm 2024 của Văn phòng UBND tỉnh; trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các phòng, đơn vị báo cáo Chánh Văn phòng để xem xét, giải quyết./.")
	r.Body = b.String()
	r.Images = []model.Image{{Name: "so-do.png", Caption: "Sơ đồ kết nối", MediaType: "image/png", Data: PNG(800, 400, false)}}
	return r
}

// NewsItem is a news item with a featured image.
func NewsItem() *model.Record {
	return &model.Record{
		ID: 12, Kind: model.KindNews, Status: model.StatusPublished,
		Title:    "Lai Châu: Hội nghị tổng kết công tác năm 2023, triển khai nhiệm vụ năm 2024",
		Summary:  "Sáng ngày 15/01, Văn phòng UBND tỉnh tổ chức Hội nghị tổng kết công tác năm 2023, triển khai nhiệm vụ năm 2024. Dự hội nghị có đồng chí Phó Chủ tịch UBND tỉnh.",
		Category: "Tin tức sự kiện", Author: "Minh Anh", Agency: "Văn phòng UBND tỉnh Lai Châu",
		Date: time.Date(2024, 1, 15, 0, 0, 0, 0, time.UTC), URL: "https://laichau.gov.vn/tin-tuc-su-kien/hoi-nghi-tong-ket-cong-tac-nam-2023.html",
		Body: strings.Repeat(`Năm 2023, Văn phòng UBND tỉnh đã tham mưu tổ chức thành công nhiều hội nghị quan trọng; chất lượng tham mưu tổng hợp ngày càng được nâng lên, đáp ứng yêu cầu chỉ đạo, điều hành của Thường trực UBND tỉnh.
Phát biểu chỉ đạo tại hội nghị, đồng chí Phó Chủ tịch UBND tỉnh đề nghị Văn phòng tiếp tục **đổi mới phương thức làm việc**, đẩy mạnh *chuyển đổi số*, nâng cao chất lượng công tác tham mưu.
`, 4) + "## Phương hướng năm 2024\nTiếp tục thực hiện tốt nhiệm vụ được giao.",
		Images:  []model.Image{{Name: "anh-1.jpg", Caption: "Quang cảnh hội nghị", MediaType: "image/jpeg", Data: JPEG(640, 400)}},
		Updated: Updated,
	}
}

// PNG makes a w×h PNG with a gradient (16-bit when deep).
func PNG(w, h int, deep bool) []byte {
	var img image.Image
	if deep {
		m := image.NewRGBA64(image.Rect(0, 0, w, h))
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				m.Set(x, y, color.RGBA64{uint16(x * 65535 / w), uint16(y * 65535 / h), 30000, 65535})
			}
		}
		img = m
	} else {
		m := image.NewRGBA(image.Rect(0, 0, w, h))
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				m.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), 160, 255})
			}
		}
		img = m
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

// JPEG makes a w×h JPEG.
func JPEG(w, h int) []byte {
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			m.Set(x, y, color.RGBA{uint8(40 + x*180/w), uint8(90 + y*120/h), 200, 255})
		}
	}
	var b bytes.Buffer
	jpeg.Encode(&b, m, &jpeg.Options{Quality: 80})
	return b.Bytes()
}
