"""`make bench`, under attack: ordinary visitors' uncached pages while six clients flood the consent endpoint, and
while an editor uploads two 40-megapixel images at once. Latencies are medians of sequential requests."""

import http.cookiejar
import json
import multiprocessing
import os
import re
import statistics
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from io import BytesIO

VISITOR_PATHS = ["/en/our-work/strategy-2016-2020/community-engagement/", "/en/history/", "/km/partners/mlop-tapang/"]
FLOOD_BODY = "&".join(["cookie_groups=analytics"] * 1999).encode()


def visitor_latency(base, seconds=6):
    """Median and 95th percentile (ms) of ordinary page requests, one after another, for `seconds`. Each address
    is new to nginx (?visit=N, which no page reads), so every request is rendered by the app."""
    times, deadline, n = [], time.monotonic() + seconds, 0
    while time.monotonic() < deadline:
        path = f"{VISITOR_PATHS[n % len(VISITOR_PATHS)]}?visit={time.monotonic_ns()}"
        start = time.perf_counter()
        with urllib.request.urlopen(base + path, timeout=60) as response:
            response.read()
        times.append((time.perf_counter() - start) * 1000)
        n += 1
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], len(times)


def flood(base, seconds, queue):
    """One hostile client (a process of its own): consent posts with `cookie_groups` repeated 1,999 times and a
    valid CSRF token, one after another. It runs at the lowest CPU priority, standing in for a client elsewhere
    on the network (on this machine, the clients' own CPU would otherwise slow the server they attack)."""
    os.nice(19)
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    token = json.loads(opener.open(base + "/cookies/status/").read())["csrftoken"]
    answers, deadline = {}, time.monotonic() + seconds
    while time.monotonic() < deadline:
        request = urllib.request.Request(
            base + "/cookies/accept/",
            data=FLOOD_BODY,
            headers={"Content-Type": "application/x-www-form-urlencoded", "X-CSRFToken": token, "Referer": base},
        )
        try:
            with opener.open(request, timeout=60) as response:
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        except OSError:
            status = "error"
        answers[status] = answers.get(status, 0) + 1
    queue.put(answers)


def consent_flood(base, clients=6, seconds=8):
    normal = visitor_latency(base)
    queue = multiprocessing.Queue()
    flooders = [multiprocessing.Process(target=flood, args=(base, seconds, queue)) for _ in range(clients)]
    for process in flooders:
        process.start()
    time.sleep(1)
    attacked = visitor_latency(base, seconds=seconds - 2)
    statuses = {}
    for _ in flooders:
        for status, count in queue.get(timeout=120).items():
            statuses[status] = statuses.get(status, 0) + count
    for process in flooders:
        process.join(30)
    return normal, attacked, statuses


def big_png():
    from PIL import Image

    output = BytesIO()
    Image.new("RGB", (8000, 5000), (40, 90, 160)).save(output, format="PNG")  # 40 MP in about 130 KB
    return output.getvalue()


def admin_session(base, username, password):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.open(base + "/admin/login/").read()
    token = next(cookie.value for cookie in jar if cookie.name == "csrftoken")
    data = urllib.parse.urlencode({"username": username, "password": password, "csrfmiddlewaretoken": token})
    opener.open(urllib.request.Request(base + "/admin/login/", data=data.encode(), headers={"Referer": base})).read()
    # Django gives a new CSRF token at login.
    return opener, next(cookie.value for cookie in jar if cookie.name == "csrftoken")


def first_collection(base, opener):
    """The collection the image form offers first: once there are several (the publications' covers have one),
    the form asks for one."""
    form = opener.open(base + "/admin/images/add/").read().decode()
    choice = re.search(r'<select name="collection"[^>]*>.*?<option value="(\d+)"', form, re.S)
    return choice.group(1) if choice else None


def upload(base, opener, token, data, results):
    boundary = uuid.uuid4().hex
    fields = {
        "csrfmiddlewaretoken": token,
        "title": "Bench upload",
        "description": "A blue rectangle for the benchmark",
    }
    if collection := first_collection(base, opener):
        fields["collection"] = collection
    body = b"".join(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    )
    body += (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.png"\r\n'
            "Content-Type: image/png\r\n\r\n"
        ).encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    request = urllib.request.Request(
        base + "/admin/images/add/",
        data=body,
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}", "Referer": base},
    )
    start = time.perf_counter()
    with opener.open(request, timeout=120) as response:
        response.read()
        results.append(
            (response.status, response.geturl().rstrip("/").endswith("/images"), time.perf_counter() - start)
        )


def uploads_while_visiting(base, username, password, count=2):
    """Visitors' latency while `count` editors upload a 40-megapixel PNG each at the same moment."""
    data = big_png()
    sessions = [admin_session(base, username, password) for _ in range(count)]
    normal = visitor_latency(base, seconds=4)
    results = []
    threads = [
        threading.Thread(target=upload, args=(base, opener, token, data, results)) for opener, token in sessions
    ]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    during = visitor_latency(base, seconds=3)
    for thread in threads:
        thread.join(180)
    return normal, during, results, len(data), time.perf_counter() - start


def report(flood_figures, upload_figures):
    print("\nUnder attack (gunicorn: 2 workers x 4 threads, page cache off; visitors' requests one after another,")
    print("each address new to nginx so that the app renders it):")
    for route, (normal, attacked, statuses) in flood_figures.items():
        ratio = attacked[0] / normal[0]
        print(f"  {route}: visitors' median {normal[0]:.1f} ms (p95 {normal[1]:.1f}) alone,")
        print(
            f"    {attacked[0]:.1f} ms (p95 {attacked[1]:.1f}) with 6 consent flooders: ratio {ratio:.2f} (budget 2.00)"
            f"  {'ok' if ratio <= 2 else 'OVER BUDGET'}; the flooders' answers {dict(sorted(statuses.items(), key=str))}"
        )
    normal, during, results, size, elapsed = upload_figures
    print(
        f"  visitors while 2 editors upload a 40 MP PNG ({size // 1024} KB) each: median {during[0]:6.1f} ms,"
        f" p95 {during[1]:6.1f} ms (normal {normal[0]:.1f} ms)"
    )
    for status, stored, seconds in results:
        print(f"    upload: HTTP {status}, {'stored' if stored else 'refused'}, {seconds:.1f} s")


class HangingServer:
    """A server (SMTP, Redis) that accepts connections and never answers (stuck under load); counts them."""

    def __init__(self):
        import socket

        self.socket = socket.create_server(("127.0.0.1", 0))
        self.port = self.socket.getsockname()[1]
        self.connections, self.held = 0, []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                connection, _ = self.socket.accept()
            except OSError:
                return
            self.connections += 1
            self.held.append(connection)

    def close(self):
        for connection in self.held:
            connection.close()
        self.socket.close()


def reports_with_a_hanging_mail_server(base, mail_server, count=8):
    """Median ms of a help page, and of a report sent as a browser sends it (the page, then the post and its
    redirect to the confirmation), while the mail server hangs; and how often a request talked to it (never: the
    e-mails wait in the background queue)."""
    page_times, report_times = [], []
    for n in range(count):
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        start = time.perf_counter()
        html = opener.open(base + "/en/get-help/report-abuse/", timeout=60).read().decode()
        page_times.append((time.perf_counter() - start) * 1000)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        body = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token, "danger": "no", "concern": "other", "what": f"bench report {n}"}
        ).encode()
        request = urllib.request.Request(
            base + "/en/get-help/report-abuse/", data=body, headers={"Referer": base + "/en/get-help/report-abuse/"}
        )
        start = time.perf_counter()
        opener.open(request, timeout=60).read()
        report_times.append((time.perf_counter() - start) * 1000)
    return statistics.median(page_times), statistics.median(report_times), mail_server.connections


def report_mail(figures):
    page, sent, connections = figures
    print(
        f"  with a mail server that never answers: the report page {page:.1f} ms, a report sent (post, redirect,"
        f" confirmation) {sent:.1f} ms median; requests that talked to the mail server: {connections}"
    )
