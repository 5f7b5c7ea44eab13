-- Biên Tập office archive, schema version 1.
-- Run by `bientap server init URL` in one transaction, as the role of the URL
-- (it becomes the owner of schema bientap; desks' users never own anything,
-- so every rule below applies to them).

-- Group roles: users are LOGIN roles granted into one of them. Every group is
-- a member of bientap_soan_thao, which holds the table privileges.
DO $$
DECLARE g text;
BEGIN
	FOREACH g IN ARRAY ARRAY['bientap_soan_thao', 'bientap_lanh_dao', 'bientap_van_thu', 'bientap_quan_tri'] LOOP
		IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = g) THEN
			EXECUTE format('CREATE ROLE %I NOLOGIN', g);
		END IF;
	END LOOP;
END $$;
GRANT bientap_soan_thao TO bientap_lanh_dao, bientap_van_thu, bientap_quan_tri;

CREATE SCHEMA bientap;
REVOKE ALL ON SCHEMA bientap FROM PUBLIC;
GRANT USAGE ON SCHEMA bientap TO bientap_soan_thao;

CREATE TABLE bientap.schema_version (
	version integer PRIMARY KEY,
	applied timestamptz NOT NULL DEFAULT now(),
	applied_by text NOT NULL DEFAULT session_user
);

-- One row: the archive's identity and its version. Every writing transaction
-- takes the next version at its first write (bientap.tx_version) and holds
-- this row's lock until it commits, so versions become visible in order and
-- a desk that has pulled everything up to version V has missed nothing below V.
CREATE TABLE bientap.archive (
	one boolean PRIMARY KEY DEFAULT true CHECK (one),
	office_id text NOT NULL DEFAULT replace(gen_random_uuid()::text, '-', ''),
	version bigint NOT NULL DEFAULT 0,
	writer xid8
);
INSERT INTO bientap.archive DEFAULT VALUES;

-- Image data, once per content. The check makes a wrong hash impossible.
CREATE TABLE bientap.blobs (
	hash text PRIMARY KEY CHECK (hash = encode(sha256(data), 'hex')),
	data bytea NOT NULL
);

-- Records: the same fields as a desk's archive, keyed by a global id the desk
-- that created the record chose. version moves on every change (the change
-- feed desks pull); edit_version only when the record's content changes (a
-- push based on an older edit_version is a conflict). A record is never
-- deleted: emptying the trash sets deleted, and desks drop it.
CREATE TABLE bientap.records (
	gid text PRIMARY KEY CHECK (gid ~ '^[0-9a-f]{32}$'),
	version bigint NOT NULL,
	edit_version bigint NOT NULL,
	deleted boolean NOT NULL DEFAULT false,
	kind text NOT NULL,
	title text NOT NULL DEFAULT '',
	summary text NOT NULL DEFAULT '',
	body text NOT NULL DEFAULT '',
	category text NOT NULL DEFAULT '',
	author text NOT NULL DEFAULT '',
	place text NOT NULL DEFAULT '',
	date date NOT NULL,
	number text NOT NULL DEFAULT '',
	sign text NOT NULL DEFAULT '',
	urgency text NOT NULL DEFAULT '',
	agency_parent text NOT NULL DEFAULT '',
	agency text NOT NULL DEFAULT '',
	signer_authority text NOT NULL DEFAULT '',
	signer_position text NOT NULL DEFAULT '',
	signer_name text NOT NULL DEFAULT '',
	to_list jsonb NOT NULL DEFAULT '[]',
	recipients jsonb NOT NULL DEFAULT '[]',
	url text NOT NULL DEFAULT '',
	status text NOT NULL CHECK (status IN ('draft', 'review', 'approved', 'published', 'trash')),
	trashed_from text NOT NULL DEFAULT '',
	images jsonb NOT NULL DEFAULT '[]', -- [{name, caption, media_type, sha256}]
	created timestamptz NOT NULL,
	updated timestamptz NOT NULL,
	created_by text NOT NULL,
	updated_by text NOT NULL,
	origin text -- desk and state of the last write from a desk: makes a retried push idempotent
);
CREATE INDEX records_by_version ON bientap.records (version, gid);

-- The key of a number in its series: "05" and "5" are the same number.
CREATE FUNCTION bientap.number_key(n text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT CASE WHEN n ~ '^[0-9]+$' THEN ltrim(n, '0') ELSE n END
$$;
-- Numbers are unique office-wide per (year, ký hiệu), trashed and deleted
-- records included: a number is never issued twice.
CREATE UNIQUE INDEX records_number ON bientap.records
	((extract(year FROM date)::int), sign, bientap.number_key(number)) WHERE number <> '';

-- Every revision of every record, with who made it (set by the server).
CREATE TABLE bientap.revisions (
	id bigserial PRIMARY KEY,
	gid text NOT NULL REFERENCES bientap.records (gid),
	version bigint NOT NULL,
	created timestamptz NOT NULL,
	author text NOT NULL,
	note text NOT NULL DEFAULT '',
	snapshot jsonb NOT NULL,
	origin text UNIQUE -- desk and local revision id: a retried push never duplicates
);
CREATE INDEX revisions_by_record ON bientap.revisions (gid, version);

-- Number series: the last number given per year and ký hiệu.
CREATE TABLE bientap.series (
	year integer NOT NULL,
	sign text NOT NULL,
	last integer NOT NULL,
	PRIMARY KEY (year, sign)
);

-- acts_as tells whether the current role holds an app role. Inside a
-- SECURITY DEFINER function the current role is the owner, who holds them all.
CREATE FUNCTION bientap.acts_as(app_role text) RETURNS boolean LANGUAGE sql STABLE
SET search_path = bientap, pg_catalog, pg_temp AS $$
	SELECT pg_has_role(current_user, 'bientap_' || replace(app_role, '-', '_'), 'MEMBER')
		OR current_user = (SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'bientap')
$$;

-- The archive version of the current transaction (see bientap.archive).
CREATE FUNCTION bientap.tx_version() RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER
SET search_path = bientap, pg_catalog, pg_temp AS $$
DECLARE
	v bigint;
	w xid8;
BEGIN
	SELECT a.version, a.writer INTO v, w FROM bientap.archive a;
	IF w = pg_current_xact_id() THEN
		RETURN v; -- this transaction already took its version and holds the row
	END IF;
	UPDATE bientap.archive SET version = version + 1, writer = pg_current_xact_id() RETURNING version INTO v;
	RETURN v;
END $$;
REVOKE ALL ON FUNCTION bientap.tx_version() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bientap.tx_version() TO bientap_soan_thao;

-- The parts of a record the role rules look at.
CREATE FUNCTION bientap.content_of(r bientap.records) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
	SELECT to_jsonb(r) - ARRAY['version', 'edit_version', 'origin', 'created_by', 'updated_by']
$$;
CREATE FUNCTION bientap.text_of(r bientap.records) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
	SELECT to_jsonb(r) - ARRAY['version', 'edit_version', 'origin', 'created_by', 'updated_by',
		'status', 'number', 'url', 'trashed_from', 'created', 'updated', 'deleted']
$$;

-- refusal says why the current role may not change record o into n (o is
-- NULL for a new record), or NULL when it may. The desk applies the same rule
-- (office.Roles.Refusal); a test holds the two together.
CREATE FUNCTION bientap.refusal(o bientap.records, n bientap.records) RETURNS text LANGUAGE plpgsql STABLE
SET search_path = bientap, pg_catalog, pg_temp AS $$
DECLARE
	is_new boolean := o.gid IS NULL;
	leader boolean := bientap.acts_as('lanh-dao');
	van boolean := bientap.acts_as('van-thu');
	st_from text := CASE WHEN o.gid IS NULL THEN 'draft' ELSE o.status END;
	settled boolean := o.gid IS NOT NULL AND o.status IN ('approved', 'published');
BEGIN
	IF NOT bientap.acts_as('soan-thao') THEN
		RETURN 'tài khoản không có vai trò nào trong kho chung Biên Tập';
	END IF;
	IF NOT is_new AND bientap.content_of(o) = bientap.content_of(n) THEN
		RETURN NULL; -- nothing changes (a new revision touches its record)
	END IF;
	IF NOT is_new AND o.deleted THEN
		RETURN 'bản ghi đã bị xóa hẳn khỏi kho chung';
	END IF;
	IF n.deleted THEN
		IF is_new OR o.status <> 'trash' THEN
			RETURN 'chỉ xóa hẳn được bản ghi đã ở thùng rác';
		END IF;
		RETURN NULL;
	END IF;
	IF coalesce(o.number, '') <> n.number AND NOT van THEN
		RETURN 'chỉ văn thư được cấp hoặc sửa số văn bản';
	END IF;
	IF settled AND (bientap.text_of(o) <> bientap.text_of(n) OR o.url <> n.url) AND NOT leader AND NOT van THEN
		RETURN 'văn bản đã duyệt hoặc đã đăng chỉ lãnh đạo hoặc văn thư được sửa';
	END IF;
	IF n.status = st_from THEN
		RETURN NULL;
	END IF;
	IF n.status = 'approved' THEN
		IF NOT leader THEN
			RETURN 'chỉ lãnh đạo được duyệt văn bản';
		END IF;
	ELSIF n.status = 'published' THEN
		IF NOT van THEN
			RETURN 'chỉ văn thư được đăng văn bản';
		END IF;
		IF NOT is_new AND NOT (o.status = 'approved'
				OR (o.status = 'trash' AND o.trashed_from IN ('approved', 'published'))) THEN
			RETURN 'chỉ đăng được văn bản đã duyệt';
		END IF;
	ELSIF n.status = 'trash' THEN
		IF settled AND NOT leader THEN
			RETURN 'chỉ lãnh đạo được bỏ văn bản đã duyệt hoặc đã đăng vào thùng rác';
		END IF;
	ELSIF settled AND NOT leader THEN
		RETURN 'chỉ lãnh đạo được trả lại văn bản đã duyệt hoặc đã đăng';
	END IF;
	RETURN NULL;
END $$;

-- The guard on every write to records, whoever makes it (a desk or psql):
-- the role rules, images that exist, the archive version, who changed it.
CREATE FUNCTION bientap.records_guard() RETURNS trigger LANGUAGE plpgsql
SET search_path = bientap, pg_catalog, pg_temp AS $$
DECLARE
	msg text;
	v bigint;
	missing text;
BEGIN
	IF TG_OP = 'UPDATE' THEN
		IF NEW.gid <> OLD.gid THEN
			RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = 'không được đổi mã bản ghi';
		END IF;
		msg := bientap.refusal(OLD, NEW);
	ELSE
		msg := bientap.refusal(NULL, NEW);
	END IF;
	IF msg IS NOT NULL THEN
		RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = msg;
	END IF;
	SELECT e->>'sha256' INTO missing FROM jsonb_array_elements(NEW.images) e
	WHERE NOT EXISTS (SELECT 1 FROM bientap.blobs b WHERE b.hash = e->>'sha256') LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION USING ERRCODE = '23503', MESSAGE = 'thiếu dữ liệu ảnh ' || coalesce(missing, '(không có mã)');
	END IF;
	v := bientap.tx_version();
	NEW.version := v;
	IF TG_OP = 'INSERT' THEN
		NEW.edit_version := v;
		NEW.created_by := session_user;
		NEW.updated_by := session_user;
	ELSE
		NEW.created_by := OLD.created_by;
		IF bientap.content_of(NEW) IS DISTINCT FROM bientap.content_of(OLD) THEN
			NEW.edit_version := v;
			NEW.updated_by := session_user;
			IF NEW.origin IS NOT DISTINCT FROM OLD.origin THEN
				NEW.origin := NULL; -- a write that does not name its origin is nobody's retry
			END IF;
		ELSE
			NEW.edit_version := OLD.edit_version;
			NEW.updated_by := OLD.updated_by;
			NEW.origin := OLD.origin;
		END IF;
	END IF;
	RETURN NEW;
END $$;
CREATE TRIGGER records_guard BEFORE INSERT OR UPDATE ON bientap.records
	FOR EACH ROW EXECUTE FUNCTION bientap.records_guard();

-- Numbers typed by the văn thư (or brought in with an old archive) move the
-- series on, so that the next number taken follows them.
CREATE FUNCTION bientap.records_series() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = bientap, pg_catalog, pg_temp AS $$
BEGIN
	IF NEW.number ~ '^[0-9]{1,9}$' THEN
		INSERT INTO bientap.series AS s (year, sign, last)
		VALUES (extract(year FROM NEW.date)::int, NEW.sign, NEW.number::int)
		ON CONFLICT (year, sign) DO UPDATE SET last = greatest(s.last, excluded.last);
	END IF;
	RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION bientap.records_series() FROM PUBLIC;
CREATE TRIGGER records_series AFTER INSERT OR UPDATE OF number, sign, date ON bientap.records
	FOR EACH ROW WHEN (NEW.number <> '') EXECUTE FUNCTION bientap.records_series();

-- Revisions: the server says who made them and when they joined the feed,
-- and touches their record so that desks pulling the record get them.
CREATE FUNCTION bientap.revisions_guard() RETURNS trigger LANGUAGE plpgsql
SET search_path = bientap, pg_catalog, pg_temp AS $$
BEGIN
	NEW.author := session_user;
	NEW.version := bientap.tx_version();
	UPDATE bientap.records SET version = NEW.version WHERE gid = NEW.gid;
	RETURN NEW;
END $$;
CREATE TRIGGER revisions_guard BEFORE INSERT ON bientap.revisions
	FOR EACH ROW EXECUTE FUNCTION bientap.revisions_guard();

-- A record in the interchange form of a revision snapshot (model/jsonl.go).
CREATE FUNCTION bientap.snapshot(r bientap.records) RETURNS jsonb LANGUAGE sql STABLE AS $$
	SELECT jsonb_build_object(
		'kind', r.kind, 'title', r.title, 'summary', r.summary, 'body', r.body,
		'category', r.category, 'author', r.author, 'place', r.place,
		'date', to_char(r.date, 'YYYY-MM-DD'), 'status', r.status, 'number', r.number, 'sign', r.sign,
		'urgency', r.urgency, 'agency_parent', r.agency_parent, 'agency', r.agency,
		'signer_authority', r.signer_authority, 'signer_position', r.signer_position,
		'signer_name', r.signer_name, 'to', r.to_list, 'recipients', r.recipients, 'url', r.url,
		'images', r.images,
		'created', to_char(r.created AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
		'updated', to_char(r.updated AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
$$;

-- take_number gives a record the next number of its (year, ký hiệu) series,
-- in one transaction: numbers are unique office-wide and never reissued.
-- Only the văn thư may call it.
CREATE FUNCTION bientap.take_number(p_gid text) RETURNS TABLE (number text, edit_version bigint, version bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bientap, pg_catalog, pg_temp AS $$
DECLARE
	r bientap.records;
	n integer;
BEGIN
	SELECT * INTO r FROM bientap.records x WHERE x.gid = p_gid FOR UPDATE;
	IF NOT FOUND OR r.deleted THEN
		RAISE EXCEPTION USING ERRCODE = 'P0002', MESSAGE = 'bản ghi chưa có trên kho chung';
	END IF;
	IF r.number <> '' THEN
		RAISE EXCEPTION USING ERRCODE = '23505', MESSAGE = format('bản ghi đã có số %s, không cấp số lại', r.number);
	END IF;
	IF r.status = 'trash' THEN
		RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = 'bản ghi đang ở thùng rác, không cấp số';
	END IF;
	INSERT INTO bientap.series AS s (year, sign, last) VALUES (extract(year FROM r.date)::int, r.sign, 1)
	ON CONFLICT (year, sign) DO UPDATE SET last = s.last + 1
	RETURNING s.last INTO n;
	number := CASE WHEN n < 10 THEN '0' || n ELSE n::text END;
	UPDATE bientap.records x SET number = take_number.number, updated = now() WHERE x.gid = p_gid;
	INSERT INTO bientap.revisions (gid, created, author, version, note, snapshot)
	SELECT x.gid, x.updated, '', 0, 'Cấp số ' || take_number.number, bientap.snapshot(x)
	FROM bientap.records x WHERE x.gid = p_gid;
	SELECT x.edit_version, x.version INTO take_number.edit_version, take_number.version
	FROM bientap.records x WHERE x.gid = p_gid;
	RETURN NEXT;
END $$;
REVOKE ALL ON FUNCTION bientap.take_number(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bientap.take_number(text) TO bientap_van_thu;

-- push applies a desk's changes (a JSON array of {base, delete, record}) as
-- the calling user, one record at a time, and says for each: ok (with the new
-- edit version), stale (someone changed it first: a conflict for the desk)
-- or refused (with the rule's words). It runs with the caller's rights: the
-- guard trigger applies to it as to anything else.
CREATE FUNCTION bientap.push(batch jsonb)
RETURNS TABLE (gid text, result text, edit_version bigint, message text)
LANGUAGE plpgsql SET search_path = bientap, pg_catalog, pg_temp AS $$
DECLARE
	e jsonb;
	n bientap.records;
	cur bientap.records;
	base bigint;
	msg text;
BEGIN
	FOR e IN SELECT value FROM jsonb_array_elements(batch) LOOP
		n := jsonb_populate_record(NULL::bientap.records, e->'record');
		base := coalesce((e->>'base')::bigint, 0);
		gid := n.gid;
		message := NULL;
		SELECT * INTO cur FROM bientap.records x WHERE x.gid = n.gid FOR UPDATE;
		IF FOUND THEN
			IF cur.origin IS NOT NULL AND cur.origin = n.origin THEN
				result := 'ok'; edit_version := cur.edit_version; -- this push was applied before
				RETURN NEXT;
				CONTINUE;
			END IF;
			IF cur.edit_version <> base OR cur.deleted THEN
				result := 'stale'; edit_version := cur.edit_version;
				RETURN NEXT;
				CONTINUE;
			END IF;
			IF coalesce((e->>'delete')::boolean, false) THEN
				n := cur;
				n.deleted := true;
				n.origin := e->'record'->>'origin';
			END IF;
			n.version := cur.version; n.edit_version := cur.edit_version;
			n.created_by := cur.created_by; n.updated_by := cur.updated_by;
			msg := bientap.refusal(cur, n);
		ELSE
			IF base <> 0 OR coalesce((e->>'delete')::boolean, false) THEN
				result := 'stale'; edit_version := 0;
				RETURN NEXT;
				CONTINUE;
			END IF;
			msg := bientap.refusal(NULL, n);
		END IF;
		IF msg IS NULL AND n.number <> '' AND EXISTS (SELECT 1 FROM bientap.records x
				WHERE extract(year FROM x.date)::int = extract(year FROM n.date)::int AND x.sign = n.sign
				AND bientap.number_key(x.number) = bientap.number_key(n.number) AND x.number <> ''
				AND x.gid <> n.gid) THEN
			msg := format('số %s/%s năm %s đã cấp cho bản ghi khác', n.number, n.sign, extract(year FROM n.date));
		END IF;
		IF msg IS NOT NULL THEN
			result := 'refused'; edit_version := coalesce(cur.edit_version, 0); message := msg;
			RETURN NEXT;
			CONTINUE;
		END IF;
		IF cur.gid IS NULL THEN
			INSERT INTO bientap.records SELECT n.* RETURNING records.edit_version INTO edit_version;
		ELSE
			UPDATE bientap.records x SET (deleted, kind, title, summary, body, category, author, place, date,
				number, sign, urgency, agency_parent, agency, signer_authority, signer_position, signer_name,
				to_list, recipients, url, status, trashed_from, images, created, updated, origin) =
				(n.deleted, n.kind, n.title, n.summary, n.body, n.category, n.author, n.place, n.date,
				n.number, n.sign, n.urgency, n.agency_parent, n.agency, n.signer_authority, n.signer_position,
				n.signer_name, n.to_list, n.recipients, n.url, n.status, n.trashed_from, n.images, n.created,
				n.updated, n.origin)
			WHERE x.gid = n.gid RETURNING x.edit_version INTO edit_version;
		END IF;
		result := 'ok';
		RETURN NEXT;
	END LOOP;
END $$;

-- push_revisions adds a desk's revisions (a JSON array of {gid, created,
-- note, snapshot, origin}); one already pushed is not added twice. Returns
-- the server id of each, by origin.
CREATE FUNCTION bientap.push_revisions(batch jsonb) RETURNS TABLE (origin text, id bigint)
LANGUAGE plpgsql SET search_path = bientap, pg_catalog, pg_temp AS $$
DECLARE
	e jsonb;
BEGIN
	FOR e IN SELECT value FROM jsonb_array_elements(batch) LOOP
		origin := e->>'origin';
		id := NULL;
		INSERT INTO bientap.revisions AS r (gid, version, created, author, note, snapshot, origin)
		VALUES (e->>'gid', 0, (e->>'created')::timestamptz, '', coalesce(e->>'note', ''), e->'snapshot', e->>'origin')
		ON CONFLICT ON CONSTRAINT revisions_origin_key DO NOTHING
		RETURNING r.id INTO id;
		IF id IS NULL THEN
			SELECT r.id INTO id FROM bientap.revisions r WHERE r.origin = e->>'origin';
		END IF;
		RETURN NEXT;
	END LOOP;
END $$;

-- add_user creates a desk user (or resets an existing one's password and
-- role). The password arrives as a SCRAM-SHA-256 secret computed by the
-- client, so the clear password never reaches the server or its logs.
CREATE FUNCTION bientap.add_user(p_name text, p_role text, p_secret text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bientap, pg_catalog, pg_temp AS $$
DECLARE
	grp text := 'bientap_' || replace(p_role, '-', '_');
	g text;
	rol pg_roles;
BEGIN
	IF p_role NOT IN ('soan-thao', 'lanh-dao', 'van-thu', 'quan-tri') THEN
		RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = format('vai trò không hợp lệ %L', p_role);
	END IF;
	IF p_name !~ '^[a-z_][a-z0-9_.]{0,62}$' OR p_name ~ '^(pg_|bientap_)' OR p_name IN ('postgres', 'public') THEN
		RAISE EXCEPTION USING ERRCODE = '22023',
			MESSAGE = format('tên người dùng không hợp lệ %L (chữ thường không dấu, số, dấu chấm, gạch dưới)', p_name);
	END IF;
	IF p_secret !~ '^SCRAM-SHA-256\$' THEN
		RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'mật khẩu phải ở dạng SCRAM-SHA-256';
	END IF;
	SELECT * INTO rol FROM pg_roles WHERE rolname = p_name;
	IF FOUND THEN
		IF rol.rolsuper OR NOT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles gr ON gr.oid = m.roleid
				WHERE m.member = rol.oid AND gr.rolname LIKE 'bientap\_%') THEN
			RAISE EXCEPTION USING ERRCODE = '42710',
				MESSAGE = format('đã có vai trò PostgreSQL %I không phải người dùng Biên Tập', p_name);
		END IF;
		EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', p_name, p_secret);
		FOREACH g IN ARRAY ARRAY['bientap_soan_thao', 'bientap_lanh_dao', 'bientap_van_thu', 'bientap_quan_tri'] LOOP
			IF EXISTS (SELECT 1 FROM pg_auth_members m WHERE m.member = rol.oid AND m.roleid = g::regrole) THEN
				EXECUTE format('REVOKE %I FROM %I', g, p_name);
			END IF;
		END LOOP;
	ELSE
		EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', p_name, p_secret);
	END IF;
	EXECUTE format('GRANT %I TO %I', grp, p_name);
	-- A psql session left open inside a transaction would hold the archive
	-- row and stop every desk's writes.
	EXECUTE format('ALTER ROLE %I SET idle_in_transaction_session_timeout = %L', p_name, '60s');
END $$;
REVOKE ALL ON FUNCTION bientap.add_user(text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bientap.add_user(text, text, text) TO bientap_quan_tri;

GRANT SELECT ON ALL TABLES IN SCHEMA bientap TO bientap_soan_thao;
GRANT INSERT, UPDATE ON bientap.records TO bientap_soan_thao;
GRANT INSERT ON bientap.revisions, bientap.blobs TO bientap_soan_thao;
GRANT USAGE ON SEQUENCE bientap.revisions_id_seq TO bientap_soan_thao;
