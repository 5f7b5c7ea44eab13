# xwindow.sh: shared helpers of the real-window scripts (smoke, soak,
# screens). Source it; it sets up a temporary folder, a home of its own, an
# Xvfb display and the binary, and cleans them up on exit.
#
#   xw_init NAME            temp folder, tools, build the binary ($XW_BIN)
#   xw_start_x WxH          Xvfb on a free display of that size ($DISPLAY)
#   xw_start_app DB [ARGS]  run the window on DB, wait for it ($XW_WID)
#   xw_shot FILE            screenshot of the whole screen
#   xw_find WORD [NEXT]     centre "X Y" of WORD (followed by NEXT) on screen, by OCR
#   xw_click_text WORD [NEXT]  click it (fails when it is not on screen)
#   xw_click_beside WORD DX DY click beside it
#   xw_wait_text WORD [NEXT]   wait for it to be drawn (fails after 15 s)
#   xw_paste TEXT           paste TEXT (Vietnamese) into the focused field
#   xw_alive                fail unless the window's process still runs
#   xw_quit                 Ctrl+Q; the process must end with status 0
# Missing tools are installed with apt-get.

xw_log() { echo "${XW_NAME:-xwindow}: $*" >&2; }
xw_fail() {
	xw_log "FAILED: $*"
	[ -n "${XW_TMP:-}" ] && [ -f "$XW_TMP/app.log" ] && { echo "--- app log" >&2; tail -n 40 "$XW_TMP/app.log" >&2; }
	exit 1
}

xw_need() { # COMMAND PACKAGE
	command -v "$1" >/dev/null 2>&1 && return
	xw_log "installing $2"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null 2>&1 ||
		{ apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null; }
}

xw_cleanup() {
	set +e
	if [ -n "${XW_APP_PID:-}" ]; then
		kill "$XW_APP_PID" 2>/dev/null
		wait "$XW_APP_PID" 2>/dev/null # it may still write its preferences
	fi
	[ -n "${XW_XCLIP_PID:-}" ] && kill "$XW_XCLIP_PID" 2>/dev/null
	[ -n "${XW_XVFB_PID:-}" ] && kill "$XW_XVFB_PID" 2>/dev/null
	[ -n "${XW_TMP:-}" ] && rm -rf "$XW_TMP"
	return 0
}

xw_init() { # NAME
	XW_NAME=$1
	XW_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
	xw_need Xvfb xvfb
	xw_need import imagemagick
	xw_need xdotool xdotool
	xw_need xclip xclip
	xw_need tesseract tesseract-ocr
	[ -f /usr/share/tesseract-ocr/5/tessdata/vie.traineddata ] || ls /usr/share/tesseract-ocr/*/tessdata/vie.traineddata >/dev/null 2>&1 ||
		xw_need_pkg tesseract-ocr-vie
	XW_TMP=$(mktemp -d)
	trap xw_cleanup EXIT
	trap 'exit 143' TERM INT
	xw_log "building"
	(cd "$XW_ROOT" && go build -o "$XW_TMP/bientap" .) || xw_fail "build"
	XW_BIN="$XW_TMP/bientap"
	# The window's preferences and data in a home of its own (after the
	# build: Go's caches live under the real home).
	export HOME="$XW_TMP/home" XDG_CONFIG_HOME="$XW_TMP/home/.config" XDG_DATA_HOME="$XW_TMP/home/.local/share"
	export LANG=C.UTF-8 LANGUAGE=vi_VN FYNE_THEME=${FYNE_THEME:-light}
	mkdir -p "$HOME"
}

xw_need_pkg() {
	xw_log "installing $1"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$1" >/dev/null 2>&1 ||
		{ apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$1" >/dev/null; }
}

xw_start_x() { # WxH
	local n
	DISPLAY=""
	for n in $(seq 91 160); do
		if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then
			DISPLAY=":$n"
			break
		fi
	done
	[ -n "$DISPLAY" ] || xw_fail "no free X display"
	export DISPLAY
	Xvfb "$DISPLAY" -screen 0 "${1}x24" -nolisten tcp >"$XW_TMP/xvfb.log" 2>&1 &
	XW_XVFB_PID=$!
	for _ in $(seq 1 50); do
		[ -e "/tmp/.X11-unix/X${DISPLAY#:}" ] && break
		sleep 0.1
	done
	XW_SCREEN=$1
}

xw_stop_x() {
	if [ -n "${XW_XVFB_PID:-}" ]; then
		kill "$XW_XVFB_PID" 2>/dev/null || true
		wait "$XW_XVFB_PID" 2>/dev/null || true
	fi
	XW_XVFB_PID=""
}

xw_start_app() { # DB [ARGS…]
	local db=$1
	shift
	"$XW_BIN" --db "$db" "$@" >"$XW_TMP/app.log" 2>&1 &
	XW_APP_PID=$!
	XW_WID=""
	for _ in $(seq 1 100); do
		XW_WID=$(xdotool search --name "Biên Tập" 2>/dev/null | head -n1 || true)
		[ -n "$XW_WID" ] && break
		kill -0 "$XW_APP_PID" 2>/dev/null || xw_fail "the app exited before its window appeared"
		sleep 0.2
	done
	[ -n "$XW_WID" ] || xw_fail "no window after 20 s"
	sleep 2
	xdotool windowfocus --sync "$XW_WID" 2>/dev/null || true
}

xw_alive() {
	kill -0 "$XW_APP_PID" 2>/dev/null || xw_fail "the window is gone ($*)"
}

xw_shot() { import -window root "$1"; }

# xw_find WORD [NEXT]: OCR the screen (enlarged twice for small UI text)
# and print the centre of the first word matching WORD (an awk regular
# expression, anchored at the word's start) followed on its line by one
# matching NEXT, or of one word holding both run together (OCR sometimes
# misses a narrow space). Two page layouts are tried, then the negated
# picture (white text on a coloured button).
xw_find() {
	local shot="$XW_TMP/ocr.png"
	import -window root "$shot"
	xw_find_in "$shot" "$@"
}

# xw_find_in PICTURE WORD [NEXT]: xw_find on a picture already taken. OCR
# of small UI text misses words now and then; each way of enlarging and
# cleaning the picture misses different ones, so they are tried in turn.
xw_find_in() {
	local shot=$1 pic="$XW_TMP/ocr-variant.png" at v
	shift
	for v in "-resize 200%|11" "-resize 200%|6" "-resize 200% -colorspace Gray -sharpen 0x1|11" \
		"-filter Lanczos -resize 300% -colorspace Gray -unsharp 0x1|11" "-resize 200% -negate -colorspace Gray|11"; do
		# shellcheck disable=SC2086
		convert "$shot" ${v%|*} "$pic"
		at=$(xw_ocr "$pic" "${v#*|}" "$@")
		if [ -n "$at" ]; then
			read -r x y <<<"$at"
			# Back to screen pixels: the variant's scale.
			case "$v" in *300%*) echo "$((x * 2 / 3)) $((y * 2 / 3))" ;; *) echo "$x $y" ;; esac
			return 0
		fi
	done
	return 0
}

xw_ocr() { # PICTURE PSM WORD [NEXT]
	tesseract "$1" - -l vie --psm "$2" tsv 2>/dev/null | awk -F'\t' -v w="$3" -v n="${4:-}" -v last="${XW_LAST:-}" '
		NR > 1 && $12 != "" {
			k++; txt[k] = $12; l[k] = $7; t[k] = $8; wd[k] = $9; h[k] = $10; line[k] = $3 "-" $4 "-" $5
		}
		END {
			for (i = 1; i <= k; i++) {
				ok = 0
				if (match(txt[i], "^[^[:alnum:]]*" w)) {
					ok = n == "" || (i < k && line[i+1] == line[i] && match(txt[i+1], "^" n))
				}
				if (!ok && n != "" && match(txt[i], w n)) ok = 1
				if (!ok) continue
				at = sprintf("%d %d", (l[i] + wd[i] / 2) / 2, (t[i] + h[i] / 2) / 2)
				if (last == "") break
			}
			if (at != "") print at
		}'
}

xw_click_text() { # WORD [NEXT]
	local at
	at=$(xw_find "$@") || true
	[ -n "$at" ] || { xw_shot "$XW_TMP/notfound.png"; cp "$XW_TMP/notfound.png" "/tmp/${XW_NAME}-notfound.png"; xw_fail "“$*” not found on screen (/tmp/${XW_NAME}-notfound.png)"; }
	# shellcheck disable=SC2086
	xdotool mousemove $at click 1
	sleep 0.7
	xw_step "$@"
}

# xw_step NAME: with XW_SHOTS set to a folder, a numbered screenshot of the
# screen after each step (to see where a run went wrong).
xw_step() {
	[ -n "${XW_SHOTS:-}" ] || return 0
	XW_STEP=$((${XW_STEP:-0} + 1))
	mkdir -p "$XW_SHOTS"
	import -window root "$XW_SHOTS/$(printf %02d "$XW_STEP")-$(echo "$*" | tr ' /' '__').png"
}

# xw_wait_text WORD [NEXT]: wait up to 15 s for WORD on screen (a tab or a
# dialog that a loaded machine draws late), then fail.
xw_wait_text() {
	local i
	for i in $(seq 1 15); do
		[ -n "$(xw_find "$@")" ] && return 0
		sleep 1
	done
	xw_shot "/tmp/${XW_NAME}-notfound.png"
	xw_fail "“$*” did not appear on screen (/tmp/${XW_NAME}-notfound.png)"
}

# xw_click_last WORD [NEXT]: click the last match on screen (a dialog's
# button below a title with the same words).
xw_click_last() { XW_LAST=1 xw_click_text "$@"; }

# xw_click_beside WORD DX DY: click DX, DY pixels from WORD: a control OCR
# does not read (white text on a blue button, a short word) beside one it
# reads.
xw_click_beside() {
	local at x y
	at=$(xw_find "$1") || true
	[ -n "$at" ] || xw_fail "“$1” not found on screen"
	read -r x y <<<"$at"
	xdotool mousemove $((x + $2)) $((y + $3)) click 1
	sleep 0.7
}

xw_paste() { # TEXT
	if [ -n "${XW_XCLIP_PID:-}" ]; then kill "$XW_XCLIP_PID" 2>/dev/null || true; fi
	printf '%s' "$1" | xclip -selection clipboard >/dev/null 2>&1 &
	XW_XCLIP_PID=$!
	sleep 0.3
	xdotool key --clearmodifiers ctrl+v
	sleep 0.5
}

# xw_wait_exit SECONDS: wait for the app to end; its exit status is left in
# XW_STATUS ("" when it still runs).
xw_wait_exit() {
	XW_STATUS=""
	for _ in $(seq 1 $(($1 * 5))); do
		if ! kill -0 "$XW_APP_PID" 2>/dev/null; then
			set +e
			wait "$XW_APP_PID"
			XW_STATUS=$?
			set -e
			XW_APP_PID=""
			return
		fi
		sleep 0.2
	done
}

xw_quit() {
	xdotool windowfocus --sync "$XW_WID" 2>/dev/null || true
	xdotool key --clearmodifiers ctrl+q
	xw_wait_exit 15
	[ -n "$XW_STATUS" ] || xw_fail "the window did not close after Ctrl+Q"
	[ "$XW_STATUS" -eq 0 ] || xw_fail "exit status $XW_STATUS"
}
