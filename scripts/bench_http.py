"""Throughput helpers for `make bench`: gunicorn and nginx as in production, measured with wrk."""

import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NGINX_SITE = ROOT / "deploy" / "nginx-aple.conf"


def ensure_tools():
    """wrk and nginx from Debian's packages, installed if missing."""
    missing = [pkg for pkg, tool in (("wrk", "wrk"), ("nginx-light", "nginx")) if not shutil.which(tool)]
    if missing:
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        print(f"Installing {' '.join(missing)} from Debian's packages for the benchmark", flush=True)
        subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True)
        subprocess.run([*sudo, "apt-get", "install", "-y", "-qq", *missing], check=True, stdout=subprocess.DEVNULL)
    if not Path("/usr/sbin/nginx").exists() and not shutil.which("nginx"):
        raise SystemExit("nginx is not installed")


def wait_for(url, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            urllib.request.urlopen(url, timeout=2).read()
            return
        time.sleep(0.2)
    raise SystemExit(f"{url} did not answer within {timeout}s")


@contextlib.contextmanager
def gunicorn(env, port, workers=2, threads=4):
    """gunicorn as the deployment docs run it: 2 workers of 4 threads (a thread waiting on an upload's cleaning
    or on the database leaves the others serving)."""
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "aple_site.wsgi", "--workers", str(workers), "--threads", str(threads)]
        + ["--bind", f"127.0.0.1:{port}", "--log-level", "warning", "--backlog", "2048"],
        cwd=ROOT,
        env=env,
    )
    with serving(server, port) as url:
        yield url


@contextlib.contextmanager
def serving(server, port):
    """The server's address once its health check answers; the server is stopped afterwards."""
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz/")
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait()


def site_config(work, app_port, port):
    """deploy/nginx-aple.conf, changed only where a local run must: plain HTTP on a local port, and this
    checkout's files and cache directory. The tests (tests/servers.py) put the same nginx in front of the app."""
    site = NGINX_SITE.read_text()
    site = re.sub(r"server \{\s*listen 80;.*?\n\}\n", "", site, count=1, flags=re.S)  # the HTTPS redirect
    site = re.sub(r"\s*listen \[::\]:443 ssl http2;", "", site)
    site = site.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{port};")
    site = re.sub(r"\s*ssl_certificate(_key)? .*;", "", site)
    site = site.replace("127.0.0.1:8000", f"127.0.0.1:{app_port}")
    site = site.replace("/var/cache/nginx/aple", str(work / "nginx-cache"))
    site = site.replace("/var/log/nginx/", f"{work}/")
    return site.replace("/srv/aple/staticfiles/", f"{work / 'static'}/").replace(
        "/srv/aple/media/", f"{work / 'media'}/"
    )


def bench_site_config(work, app_port, port):
    """The local site configuration plus one location serving saved HTML from files."""
    files = f"    location /saved-html/ {{ alias {work / 'saved-html'}/; default_type text/html; }}\n"
    return site_config(work, app_port, port).replace("    location /static/ {", files + "    location /static/ {", 1)


def nginx_main_config(conf_dir, site_file, workers="auto"):
    user = "user root;\n" if os.geteuid() == 0 else ""
    return (
        f"{user}worker_processes {workers};\npid {conf_dir / 'nginx.pid'};\nerror_log {conf_dir / 'error.log'} warn;\n"
        "events { worker_connections 4096; }\n"
        f"http {{ include /etc/nginx/mime.types; access_log off; include {site_file}; }}\n"
    )


@contextlib.contextmanager
def nginx(work, app_port, port):
    conf_dir = Path(tempfile.mkdtemp(prefix="nginx-", dir=work))
    (conf_dir / "site.conf").write_text(bench_site_config(work, app_port, port))
    (conf_dir / "nginx.conf").write_text(nginx_main_config(conf_dir, conf_dir / "site.conf"))
    server = subprocess.Popen(["nginx", "-p", str(conf_dir), "-c", str(conf_dir / "nginx.conf"), "-g", "daemon off;"])
    with serving(server, port) as url:
        yield url


def save_html(base, path, work):
    """The page's HTML as a file nginx can serve; returns its URL path."""
    name = (re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home") + ".html"
    target = work / "saved-html" / name
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(urllib.request.urlopen(base + path).read())
    return f"/saved-html/{name}"


LOAD_SCRIPT = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""


def wrk(url, seconds=3, connections=16, paths=None, work=None):
    """{'rps': requests per second, 'requests': n, 'errors': socket errors, 'non2xx': non-2xx/3xx answers}."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "5s"]
    if paths:
        script = work / "rotate.lua"
        script.write_text(LOAD_SCRIPT % ", ".join(f'"{p}"' for p in paths))
        command += ["-s", str(script)]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "errors": sum(int(n) for n in errors.groups()) if errors else 0,
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
    }
