package office

import (
	"fmt"
	"slices"
	"strings"

	"bientap/model"
)

// Role is what a user of the office archive may do. The server enforces the
// roles itself (PostgreSQL group roles and a trigger on the records table:
// see sql/001_archive.sql); the desk checks the same rules first so that the
// window can disable what would be refused and the command line can refuse
// offline with the same words.
type Role string

// The four roles of an office.
const (
	RoleDrafter   Role = "soan-thao" // soạn thảo: drafts and sends for review
	RoleLeader    Role = "lanh-dao"  // lãnh đạo: approves or sends back
	RoleRegistrar Role = "van-thu"   // văn thư: numbers, publishes, keeps registers
	RoleAdmin     Role = "quan-tri"  // quản trị: manages users
)

// AllRoles lists the roles in the order they are shown.
var AllRoles = []Role{RoleDrafter, RoleLeader, RoleRegistrar, RoleAdmin}

// ParseRole accepts a role key ("van-thu").
func ParseRole(s string) (Role, error) {
	r := Role(strings.TrimSpace(s))
	if slices.Contains(AllRoles, r) {
		return r, nil
	}
	return "", fmt.Errorf("vai trò không hợp lệ %q (dùng: soan-thao, lanh-dao, van-thu, quan-tri)", s)
}

// Label is the Vietnamese name of the role.
func (r Role) Label() string {
	switch r {
	case RoleDrafter:
		return "Soạn thảo"
	case RoleLeader:
		return "Lãnh đạo"
	case RoleRegistrar:
		return "Văn thư"
	case RoleAdmin:
		return "Quản trị"
	}
	return string(r)
}

// Group is the PostgreSQL group role that carries r.
func (r Role) Group() string { return "bientap_" + strings.ReplaceAll(string(r), "-", "_") }

// Roles is the set of roles a user holds. Every role includes the clerk's
// rights (drafting); the owner of the archive (the role that ran
// `bientap server init`) holds them all.
type Roles []Role

// Has reports whether the set holds r (every member holds the clerk's rights).
func (rs Roles) Has(r Role) bool {
	if r == RoleDrafter && len(rs) > 0 {
		return true
	}
	return slices.Contains(rs, r)
}

// String lists the roles' keys, comma-separated ("lanh-dao,van-thu").
func (rs Roles) String() string {
	s := make([]string, len(rs))
	for i, r := range rs {
		s[i] = string(r)
	}
	return strings.Join(s, ",")
}

// Label lists the roles' Vietnamese names ("Lãnh đạo, Văn thư").
func (rs Roles) Label() string {
	s := make([]string, len(rs))
	for i, r := range rs {
		s[i] = r.Label()
	}
	return strings.Join(s, ", ")
}

// ParseRoles reads a list written by String; unknown keys are dropped.
func ParseRoles(s string) Roles {
	var rs Roles
	for _, k := range strings.Split(s, ",") {
		if r, err := ParseRole(k); err == nil && !slices.Contains(rs, r) {
			rs = append(rs, r)
		}
	}
	return rs
}

// Change is what one write does to a record, as the role rules see it.
type Change struct {
	New      bool         // the record does not exist on the server yet
	From, To model.Status // status before (draft for a new record) and after
	// TrashedFrom is the status a trashed record had before the trash.
	TrashedFrom   model.Status
	TextChanged   bool // any field other than status, number and portal address
	URLChanged    bool
	NumberChanged bool
	Delete        bool // emptying the trash: the record leaves every desk
}

// The refusals, word for word as the server raises them.
const (
	msgNoRole      = "tài khoản không có vai trò nào trong kho chung Biên Tập"
	msgDeleteTrash = "chỉ xóa hẳn được bản ghi đã ở thùng rác"
	msgNumber      = "chỉ văn thư được cấp hoặc sửa số văn bản"
	msgSettledEdit = "văn bản đã duyệt hoặc đã đăng chỉ lãnh đạo hoặc văn thư được sửa"
	msgApprove     = "chỉ lãnh đạo được duyệt văn bản"
	msgPublish     = "chỉ văn thư được đăng văn bản"
	msgPublishWhat = "chỉ đăng được văn bản đã duyệt"
	msgTrash       = "chỉ lãnh đạo được bỏ văn bản đã duyệt hoặc đã đăng vào thùng rác"
	msgSendBack    = "chỉ lãnh đạo được trả lại văn bản đã duyệt hoặc đã đăng"
)

// Refusal says why a user holding rs may not make change c, or "" when
// they may. It is the same rule the server's records trigger applies
// (bientap.refusal in sql/001_archive.sql); a test holds the two together.
func (rs Roles) Refusal(c Change) string {
	if len(rs) == 0 {
		return msgNoRole
	}
	leader, van := rs.Has(RoleLeader), rs.Has(RoleRegistrar)
	from := c.From
	if c.New {
		from = model.StatusDraft
	}
	settled := !c.New && (c.From == model.StatusApproved || c.From == model.StatusPublished)
	if c.Delete {
		if c.From != model.StatusTrash {
			return msgDeleteTrash
		}
		return ""
	}
	if c.NumberChanged && !van {
		return msgNumber
	}
	if settled && (c.TextChanged || c.URLChanged) && !leader && !van {
		return msgSettledEdit
	}
	if c.To == from {
		return ""
	}
	switch c.To {
	case model.StatusApproved:
		if !leader {
			return msgApprove
		}
	case model.StatusPublished:
		if !van {
			return msgPublish
		}
		wasApproved := c.From == model.StatusApproved || c.From == model.StatusTrash &&
			(c.TrashedFrom == model.StatusApproved || c.TrashedFrom == model.StatusPublished)
		if !c.New && !wasApproved {
			return msgPublishWhat
		}
	case model.StatusTrash:
		if settled && !leader {
			return msgTrash
		}
	default:
		if settled && !leader {
			return msgSendBack
		}
	}
	return ""
}

// StatusChange is the Change of moving a record from one status to another
// and nothing else.
func StatusChange(from, to, trashedFrom model.Status) Change {
	return Change{From: from, To: to, TrashedFrom: trashedFrom}
}
