"""`make bench`: the edition's speed, weight and audit numbers, printed as one table and saved
to bench/results.json. A measurement, not a test: it never fails on a number.

Machines here are noisy, so every figure is the median of several runs, and the page weights
are compared side by side, in the same run, with a default Material build of the same article
(the baseline). Absolute times are context only.

    python scripts/bench.py [--runs N] [--skip-lighthouse]
"""

import argparse
import cProfile
import gzip
import http.server
import io
import json
import os
import pstats
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from functools import partial
from pathlib import Path

from build_site import QUIET_BANNERS, ROOT, build_site
from export_offline import export

RESULTS = ROOT / "bench" / "results.json"
PAGES = ["article.html", "en/article.html", "astana/index.html"]
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-sync",
    "--disable-background-networking",
    "--disable-component-update",
]
BASELINE_CONFIG = """\
site_name: Baseline
docs_dir: docs
use_directory_urls: false
theme:
  name: material
markdown_extensions: [attr_list, md_in_html, footnotes, toc]
"""


# ---------------------------------------------------------------------------- build
def bench_build(runs: int) -> dict:
    """Clean strict builds of both languages, as `make site` runs them."""
    seconds, peaks = [], []
    with tempfile.TemporaryDirectory() as scratch:
        for _ in range(runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            start = time.perf_counter()
            build_site(Path(scratch) / "site")
            seconds.append(time.perf_counter() - start)
            peaks.append(max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before))
    return {
        "seconds_median": statistics.median(seconds),
        "seconds_all": seconds,
        "peak_rss_mb": max(peaks) / 1024,
        **own_code_share(),
    }


def own_code_share() -> dict:
    """The share of one in-process build spent in the edition's own code (scripts/), by
    cProfile's own-time per function, against everything else (MkDocs, Material, i18n...)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.update(QUIET_BANNERS)
    with tempfile.TemporaryDirectory() as scratch:
        config = load_config(str(ROOT / "mkdocs.yml"), site_dir=scratch)
        profiler = cProfile.Profile()
        profiler.enable()
        build(config)
        profiler.disable()
    stats = pstats.Stats(profiler).stats
    total = sum(row[2] for row in stats.values())
    own = sum(row[2] for (filename, _, _), row in stats.items() if filename.startswith(str(ROOT / "scripts")))
    return {"own_code_share": own / total, "profiled_seconds": total}


# ---------------------------------------------------------------------------- live edit
def bench_live_edit(runs: int) -> dict:
    """With `mkdocs serve` running, change a date in data/astana_rounds.yml and time until the
    served round page shows it."""
    data_file = ROOT / "data" / "astana_rounds.yml"
    original = data_file.read_text(encoding="utf-8")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env={**os.environ, **QUIET_BANNERS},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/astana/round-7.html"
    timings = []
    try:
        wait_for(url, "30–31 октября 2017", timeout=60)
        for run in range(runs):
            day = 20 + run  # a date no other round has
            edited = original.replace("start: 2017-10-30", f"start: 2017-10-{day}")
            start = time.perf_counter()
            data_file.write_text(edited, encoding="utf-8")
            wait_for(url, f"{day}–31 октября 2017", timeout=60)
            timings.append(time.perf_counter() - start)
            data_file.write_text(original, encoding="utf-8")
            wait_for(url, "30–31 октября 2017", timeout=60)
    finally:
        data_file.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=10)
    return {"seconds_median": statistics.median(timings), "seconds_all": timings}


def wait_for(url: str, text: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not show «{text}» within {timeout} s")


# ---------------------------------------------------------------------------- page weight
def bench_weight(site: Path, baseline: Path) -> dict:
    """Bytes a first visit loads (raw and gzip) and requests to other hosts, in Chromium."""
    from playwright.sync_api import sync_playwright

    results = {}
    with serve(site) as edition_url, serve(baseline) as baseline_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for name, base, pages in (
            ("edition", edition_url, PAGES),
            ("baseline", baseline_url, ["article.html"]),
        ):
            for page_path in pages:
                results[f"{name}:{page_path}"] = first_visit(browser, base + page_path)
        browser.close()
    return results


def first_visit(browser, url: str) -> dict:
    context = browser.new_context()
    page = context.new_page()
    loaded, foreign = [], []

    def on_response(response):
        try:
            body = response.body()
        except Exception:  # a failed or redirected response has no body
            return
        loaded.append((response.url, len(body), len(gzip.compress(body, 9))))

    def route(request_route):
        if request_route.request.url.startswith("http://127.0.0.1"):
            request_route.continue_()
        else:
            foreign.append(request_route.request.url)
            request_route.abort()

    context.route("**/*", route)
    page.on("response", on_response)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    context.close()
    return {
        "requests": len(loaded),
        "bytes": sum(r[1] for r in loaded),
        "gzip_bytes": sum(r[2] for r in loaded),
        "foreign_requests": len(foreign),
        "foreign_hosts": sorted({re.sub(r"^\w+://([^/]+).*", r"\1", u) for u in foreign}),
    }


def build_baseline(target: Path) -> Path:
    """A default Material build of the same article: no edition CSS, script, hooks or data."""
    project = target / "project"
    (project / "docs").mkdir(parents=True)
    shutil.copy(ROOT / "docs" / "ru" / "article.md", project / "docs" / "article.md")
    (project / "docs" / "index.md").write_text("# Baseline\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text(BASELINE_CONFIG, encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(target / "site")],
        cwd=project,
        env={**os.environ, **QUIET_BANNERS},
        check=True,
    )
    return target / "site"


# ---------------------------------------------------------------------------- lighthouse
def bench_lighthouse(site: Path) -> dict:
    """Lighthouse 12.2.3 (bench/node_modules, `npm ci --prefix bench`), mobile preset."""
    binary = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        return {"skipped": "lighthouse not installed: npm ci --prefix bench"}
    scores = {}
    with serve(site) as base:
        for page_path in PAGES:
            with tempfile.NamedTemporaryFile(suffix=".json") as report:
                subprocess.run(
                    [
                        str(binary),
                        base + page_path,
                        "--quiet",
                        "--output=json",
                        f"--output-path={report.name}",
                        "--chrome-flags=--headless=new " + " ".join(CHROMIUM_FLAGS),
                    ],
                    env={**os.environ, "CHROME_PATH": CHROMIUM},
                    check=True,
                    timeout=300,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                audit = json.loads(Path(report.name).read_text(encoding="utf-8"))
            scores[page_path] = {
                "scores": {key: round(category["score"] * 100) for key, category in audit["categories"].items()},
                "below_one": sorted(
                    key
                    for key, item in audit["audits"].items()
                    if item.get("score") is not None
                    and item["score"] < 1
                    and item.get("scoreDisplayMode") in {"binary", "numeric", "metricSavings"}
                ),
            }
    return scores


# ---------------------------------------------------------------------------- helpers
class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves like an ordinary static host: text compressed with gzip, assets cacheable."""

    COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml")

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix in self.COMPRESSIBLE and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=31536000" if "/assets/" in self.path else "no-cache")
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()


class serve:
    """A static server for a folder on 127.0.0.1, for the length of a `with` block."""

    def __init__(self, folder: Path):
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(folder)))

    def __enter__(self) -> str:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def __exit__(self, *exc):
        self.httpd.shutdown()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def kb(value: float) -> str:
    return f"{value / 1024:.0f} KB"


def print_table(results: dict) -> None:
    build, live = results["build"], results["live_edit"]
    rows = [
        ("Build, clean strict, both languages (median)", f"{build['seconds_median']:.2f} s", "≤ 1.5 s"),
        ("Build, peak memory", f"{build['peak_rss_mb']:.0f} MB", ""),
        ("Build, share in the edition's own code", f"{build['own_code_share']:.0%}", "≤ 25 %"),
        ("Live edit: data file saved → page served (median)", f"{live['seconds_median']:.2f} s", "≤ 2 s"),
    ]
    baseline = results["weight"]["baseline:article.html"]
    for key, item in results["weight"].items():
        rows.append(
            (
                f"First visit {key}: requests / raw / gzip",
                f"{item['requests']} / {kb(item['bytes'])} / {kb(item['gzip_bytes'])}",
                "≤ 100 KB gzip" if key == "edition:article.html" else "",
            )
        )
        rows.append(
            (
                f"First visit {key}: requests to other hosts",
                str(item["foreign_requests"]),
                "0" if key.startswith("edition") else "(" + ", ".join(item["foreign_hosts"]) + ")",
            )
        )
    edition = results["weight"]["edition:article.html"]
    rows.append(
        (
            "Russian article vs default Material (gzip, same run)",
            f"{edition['gzip_bytes'] / baseline['gzip_bytes']:.2f} ×",
            "< 1",
        )
    )
    for page_path, item in results["lighthouse"].items():
        if isinstance(item, dict) and "scores" in item:
            scores = item["scores"]
            rows.append(
                (
                    f"Lighthouse {page_path} (perf / a11y / best / SEO)",
                    " / ".join(
                        str(scores.get(k, "-")) for k in ("performance", "accessibility", "best-practices", "seo")
                    ),
                    "100 / 100 / 100 / 100",
                )
            )
        else:
            rows.append(("Lighthouse", str(item), ""))
    offline = results["offline"]
    rows += [
        ("Offline zip", kb(offline["zip_bytes"]), "< 1 MB"),
        (
            "Single file ru / en",
            f"{kb(offline['single_ru_bytes'])} / {kb(offline['single_en_bytes'])}",
            "< 250 KB each",
        ),
    ]
    width = max(len(row[0]) for row in rows)
    print(f"| {'measure'.ljust(width)} | value | goal |")
    print(f"|{'-' * (width + 2)}|-------|------|")
    for name, value, goal in rows:
        print(f"| {name.ljust(width)} | {value} | {goal} |")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-lighthouse", action="store_true")
    options = parser.parse_args(argv[1:])
    results = {"runs": options.runs, "machine": {"cores": os.cpu_count()}}
    results["build"] = bench_build(options.runs)
    results["live_edit"] = bench_live_edit(max(3, options.runs // 2))
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        site = scratch / "site"
        build_site(site)
        results["weight"] = bench_weight(site, build_baseline(scratch / "baseline"))
        results["lighthouse"] = {"skipped": "--skip-lighthouse"} if options.skip_lighthouse else bench_lighthouse(site)
        outputs = export(scratch / "dist")
        results["offline"] = {
            "zip_bytes": outputs["zip"].stat().st_size,
            "single_ru_bytes": outputs["single_ru"].stat().st_size,
            "single_en_bytes": outputs["single_en"].stat().st_size,
        }
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print_table(results)
    print(f"\nSaved to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
