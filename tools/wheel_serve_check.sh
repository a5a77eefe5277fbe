#!/usr/bin/env bash
# The package as a kiosk gets it: build the wheel, install it into a fresh venv (no checkout on
# the path), start `dvc-tui serve` on a free port of 127.0.0.1 and check that it answers: the
# page (Vietnamese, nothing fetched from outside), then a browser tab's websocket, through
# which the app process must draw its home page. Exits non-zero on any failure.
#   bash tools/wheel_serve_check.sh
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
server=""
cleanup() {
    if [ -n "$server" ]; then kill -INT "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

python3 -m pip wheel --no-deps -q -w "$work/dist" .
wheel=$(ls "$work"/dist/dvc_tui-*.whl)
echo "wheel: $(basename "$wheel") ($(du -k "$wheel" | cut -f1) KiB)"
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q --disable-pip-version-check "$wheel"
cd "$work"  # away from the checkout: only the installed package can be imported
"$work/venv/bin/dvc-tui" --version

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$work/venv/bin/dvc-tui" --data-dir "$work/data" --no-keyring --hash-cost low serve --port "$port" \
    >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 150); do
    python3 -c 'import sys, urllib.request; sys.stdout.buffer.write(urllib.request.urlopen(sys.argv[1], timeout=5).read())' \
        "http://127.0.0.1:$port/" >"$work/page.html" 2>/dev/null && break
    sleep 0.2
done
head -3 "$work/serve.log"
grep -q '<html lang="vi">' "$work/page.html" || { echo "FAIL: the page is not the Vietnamese one"; exit 1; }
if grep -q 'https://' "$work/page.html"; then echo "FAIL: the page links outside"; exit 1; fi
echo "page: http://127.0.0.1:$port/ answered ($(wc -c <"$work/page.html") bytes, lang=vi, no outside links)"

# A tab: open the websocket as the page's script does and read what the app draws.
"$work/venv/bin/python" - "$port" <<'EOF'
import asyncio, sys, time
import aiohttp

WANTED = ("CỔNG DỊCH VỤ CÔNG QUỐC GIA", "Trang chủ", "Tin nhắn SMS (mô phỏng)", "Thông tin", "Luyện tập")
"""The home page's header, title, SMS pane, last button and footer: the whole page drawn."""


async def tab(port: int) -> None:
    seen = b""
    started = time.monotonic()
    async with aiohttp.ClientSession() as session:
        # as the page does: its own Origin (serve refuses a websocket without one, 403)
        async with session.ws_connect(f"http://127.0.0.1:{port}/ws?width=100&height=30",
                                      headers={"Origin": f"http://127.0.0.1:{port}"}) as ws:
            while time.monotonic() - started < 60:
                try:
                    message = await ws.receive(timeout=5)
                except asyncio.TimeoutError:
                    continue
                if message.type == aiohttp.WSMsgType.BINARY:
                    seen += message.data
                elif message.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                    break
                if all(text.encode() in seen for text in WANTED):
                    print(f"tab: the app's home page drawn in {time.monotonic() - started:.1f} s "
                          f"({len(seen)} bytes over the websocket)")
                    return
    sys.exit(f"FAIL: no home page over the websocket; got {len(seen)} bytes")

asyncio.run(tab(int(sys.argv[1])))
EOF
kill -INT "$server"
wait "$server"
rc=$?
server=""
grep -q Traceback "$work/serve.log" && { echo "FAIL: a traceback in the server's log"; cat "$work/serve.log"; exit 1; }
echo "serve stopped with Ctrl+C: exit $rc"
[ "$rc" -eq 0 ]
