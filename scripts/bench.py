"""`make bench`: the edition's speed, weight and audit numbers, printed as tables and saved to
bench/results.json. A measurement, not a test: it never fails on a number.

Machines here are noisy, so every time is the median of several runs, and page weights are
compared side by side, in the same run, with a default Material build of the same article (the
baseline). Absolute times are context only.

The baseline's fonts: a default Material page asks Google Fonts for Roboto (300, 400, 700,
each upright and italic) and Roboto Mono (400, 700, both styles), then downloads the subsets
its text uses. The machine has no network, so the bench answers those requests itself, in
Chromium: with the @font-face rules and the woff2 files of the @fontsource packages (bench/,
`npm ci`), which republish Google's own subset files, each rule with its unicode-range. The
requests still count as requests to other hosts.

    python scripts/bench.py [--runs N] [--skip-lighthouse] [--skip-scaling]
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

import brotli
from scaled_data import scaled_project

from build_site import QUIET_BANNERS, ROOT, build_site
from export_offline import export

RESULTS = ROOT / "bench" / "results.json"
# The exports cite the public address (make offline refuses the placeholder): measure them as
# a host would build them, under a sub-path, unless the caller says where.
os.environ.setdefault("EDITION_SITE_URL", "https://example.org/edition/")
PAGES = [
    "article.html",
    "en/article.html",
    "astana/index.html",
    "names/index.html",
    "parallel.html",
    "en/parallel.html",
]
SEARCHES = {"article.html": "Ливан", "en/article.html": "Lebanon", "astana/index.html": "Сочи",
            "names/index.html": "Назарбаевым"}  # fmt: skip
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync",
                  "--disable-background-networking", "--disable-component-update"]  # fmt: skip
BASELINE_CONFIG = """\
site_name: Baseline
docs_dir: docs
use_directory_urls: false
theme:
  name: material
markdown_extensions: [attr_list, md_in_html, footnotes, toc]
"""
FONTSOURCE = ROOT / "bench" / "node_modules" / "@fontsource"
GOOGLE_FACES = {  # what Material's default font request asks Google Fonts for
    "roboto": ["300", "300-italic", "400", "400-italic", "700", "700-italic"],
    "roboto-mono": ["400", "400-italic", "700", "700-italic"],
}
SCALES = (1, 10, 100)


# ---------------------------------------------------------------------------- build
def bench_build(runs: int, project: Path = ROOT) -> dict:
    """Clean strict builds of both languages, as `make site` runs them."""
    seconds, peaks = [], []
    with tempfile.TemporaryDirectory() as scratch:
        for _ in range(runs):
            start = time.perf_counter()
            peaks.append(build_peak_rss(Path(scratch) / "site", project / "mkdocs.yml"))
            seconds.append(time.perf_counter() - start)
    return {"seconds_median": statistics.median(seconds), "seconds_all": seconds, "peak_rss_mb": max(peaks) / 1024}


def build_peak_rss(site: Path, config_file: Path) -> int:
    """Build as build_site does, from a process of its own, and return the build's peak
    resident memory (KiB). getrusage(RUSAGE_CHILDREN) keeps the largest child a process ever
    waited for, so measured here it would report an earlier Chromium or a larger build."""
    script = (
        "import resource, sys; from pathlib import Path; from build_site import build_site; "
        "build_site(Path(sys.argv[1]), config_file=Path(sys.argv[2])); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(site), str(config_file)],
        cwd=ROOT / "scripts", text=True, capture_output=True, check=True,
    )  # fmt: skip
    return int(result.stdout.split()[-1])


def profile_build(project: Path = ROOT, top: int = 12) -> dict:
    """One in-process build under cProfile: the share of time in the edition's own code
    (scripts/: own time, and cumulative time in its hooks), and the top entries. The languages
    are built one after the other here (the option parallel: false): a profile of this process would
    not see the work of the fork that builds English beside it (edition/parallel.py)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.update(QUIET_BANNERS)
    previous = os.getcwd()
    os.chdir(project)
    try:
        with tempfile.TemporaryDirectory() as scratch:
            config = load_config(str(project / "mkdocs.yml"), site_dir=scratch)
            config.extra["edition"] = {"parallel": False}
            profiler = cProfile.Profile()
            profiler.enable()
            build(config)
            profiler.disable()
    finally:
        os.chdir(previous)
    stats = pstats.Stats(profiler).stats
    total = sum(row[2] for row in stats.values())
    scripts = str(project / "scripts")
    own = sum(row[2] for (filename, _, _), row in stats.items() if filename.startswith(scripts))
    hooks = sum(row[3] for (filename, _, name), row in stats.items()
                if filename.endswith("scripts/hooks.py") and name.startswith("on_"))  # fmt: skip
    interesting = [
        (row[3], f"{Path(filename).parent.name}/{Path(filename).name}:{name}")
        for (filename, _, name), row in stats.items()
        if name not in ("<module>", "<lambda>", "<genexpr>", "<listcomp>", "root")
        and "site-packages/click" not in filename and filename != "~" and "runpy" not in filename
        and row[3] < total * 0.9
    ]  # fmt: skip
    return {
        "own_code_share": own / total,
        "hooks_cumulative_share": hooks / total,
        "profiled_seconds": total,
        "top_cumulative": [f"{seconds:6.2f} s  {where}" for seconds, where in sorted(interesting, reverse=True)[:top]],
    }


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
        # a preview, as `make serve` is: at the root, whatever address the exports are built for
        env={**{k: v for k, v in os.environ.items() if k != "EDITION_SITE_URL"}, **QUIET_BANNERS},
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
def bench_weight(site: Path, baseline: Path | None, pages=PAGES) -> dict:
    """Bytes a first visit loads (raw, gzip, brotli), before and after the reader opens search,
    and requests to other hosts, in Chromium."""
    from playwright.sync_api import sync_playwright

    results = {}
    with serve(site) as edition_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for page_path in pages:
            results[f"edition:{page_path}"] = first_visit(browser, edition_url + page_path, SEARCHES.get(page_path))
        if baseline:
            with serve(baseline) as baseline_url:
                results["baseline:article.html"] = first_visit(
                    browser, baseline_url + "article.html", "Ливан", google_fonts=True
                )
        browser.close()
    return results


def first_visit(browser, url: str, query: str | None, google_fonts: bool = False) -> dict:
    context = browser.new_context()
    page = context.new_page()
    responses, foreign = [], []

    def route(request_route):
        url = request_route.request.url
        if url.startswith("http://127.0.0.1"):
            request_route.continue_()
        elif google_fonts and url.startswith("https://fonts.googleapis.com/css"):
            foreign.append(url)
            request_route.fulfill(status=200, content_type="text/css", body=google_fonts_css())
        elif google_fonts and url.startswith("https://fonts.gstatic.com/fontsource/"):
            foreign.append(url)
            request_route.fulfill(status=200, content_type="font/woff2", path=fontsource_file(url))
        else:
            foreign.append(url)
            request_route.abort()

    context.route("**/*", route)
    # The bodies are read once the page is idle: read inside the event handler, some came back
    # missing now and then (a first visit of 1 request instead of 9, at random).
    page.on("response", lambda response: responses.append(response))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    first = summary([weigh(response) for response in responses], foreign)
    opened = None
    if query:
        page.fill("input.md-search__input", query)
        page.keyboard.press("End")
        page.wait_for_selector(".md-search-result__link", timeout=20000)
        page.wait_for_load_state("networkidle")
        opened = summary([weigh(response) for response in responses], foreign)
    context.close()
    return {**first, "with_search": opened}


def weigh(response) -> dict:
    """A response's bytes as received, gzipped and brotli-compressed (fonts and images as they are)."""
    body = response.body()
    compressible = not response.url.endswith((".woff2", ".woff", ".png"))
    return {
        "url": response.url,
        "bytes": len(body),
        "gzip": len(gzip.compress(body, 9)) if compressible else len(body),
        "brotli": len(brotli.compress(body, quality=11)) if compressible else len(body),
    }


def summary(loaded: list[dict], foreign: list[str]) -> dict:
    return {
        "requests": len(loaded),
        "bytes": sum(r["bytes"] for r in loaded),
        "gzip_bytes": sum(r["gzip"] for r in loaded),
        "brotli_bytes": sum(r["brotli"] for r in loaded),
        "foreign_requests": len(foreign),
        "foreign_hosts": sorted({re.sub(r"^\w+://([^/]+).*", r"\1", u) for u in foreign}),
    }


def google_fonts_css() -> str:
    """What Google Fonts answers Material's request with: an @font-face per face and subset,
    here from the @fontsource packages, pointing at fonts.gstatic.com as Google's do."""
    rules = []
    for family, faces in GOOGLE_FACES.items():
        for face in faces:
            css = (FONTSOURCE / family / f"{face}.css").read_text(encoding="utf-8")
            css = re.sub(r", url\(\./files/[^)]+\.woff\) format\('woff'\)", "", css)  # woff2 only, as Google
            rules.append(css.replace("url(./files/", f"url(https://fonts.gstatic.com/fontsource/{family}/"))
    return "\n".join(rules)


def fontsource_file(url: str) -> Path:
    family, name = url.removeprefix("https://fonts.gstatic.com/fontsource/").split("/")
    return FONTSOURCE / family / "files" / name


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
def bench_lighthouse(site: Path, runs: int = 3) -> dict:
    """Lighthouse 12.2.3 (bench/node_modules, `npm ci --prefix bench`), mobile preset; the
    median of `runs` runs of each category."""
    binary = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        return {"skipped": "lighthouse not installed: npm ci --prefix bench"}
    scores = {}
    with serve(site) as base:
        for page_path in PAGES:
            runs_scores, runs_metrics, below = [], [], set()
            for _ in range(runs):
                audit = lighthouse(binary, base + page_path)
                runs_scores.append({key: round(c["score"] * 100) for key, c in audit["categories"].items()})
                runs_metrics.append(lighthouse_metrics(audit))
                below |= {
                    key
                    for key, item in audit["audits"].items()
                    if item.get("score") is not None
                    and item["score"] < 1
                    and item.get("scoreDisplayMode") in {"binary", "numeric", "metricSavings"}
                }
            scores[page_path] = {
                "scores": {key: statistics.median(r[key] for r in runs_scores) for key in runs_scores[0]},
                "all_runs": runs_scores,
                "metrics": runs_metrics,
                "below_one": sorted(below),
            }
    return scores


# What the performance score is made of, per run: the simulated metrics (ms; CLS unitless),
# the first paint as observed in the unthrottled load it simulates from, and Lighthouse's measure
# of this machine's speed at that moment (its benchmarkIndex; higher is faster).
SCORED_METRICS = {
    "fcp": "first-contentful-paint",
    "lcp": "largest-contentful-paint",
    "tbt": "total-blocking-time",
    "si": "speed-index",
    "cls": "cumulative-layout-shift",
}


def lighthouse_metrics(audit: dict) -> dict:
    audits = audit["audits"]
    metrics = {key: round(audits[name]["numericValue"], 4 if key == "cls" else None)
               for key, name in SCORED_METRICS.items()}  # fmt: skip
    observed = audits["metrics"]["details"]["items"][0]
    metrics["observed_fcp"] = observed["observedFirstContentfulPaint"]
    metrics["benchmark_index"] = round(audit["environment"]["benchmarkIndex"])
    return metrics


def lighthouse(binary: Path, url: str) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        subprocess.run(
            [
                str(binary),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report.name}",
                "--chrome-flags=--headless=new " + " ".join(CHROMIUM_FLAGS),
            ],  # fmt: skip
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            check=True,
            timeout=300,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return json.loads(Path(report.name).read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------- scaling
def bench_scaling(runs: int) -> dict:
    """The real data, then 10 and 100 times as many rounds and missions (scripts/scaled_data.py),
    each in a copy of the project: build time and memory, export time, sizes, page weights."""
    results = {}
    with tempfile.TemporaryDirectory() as scratch:
        for factor in SCALES:
            project = scaled_project(factor, Path(scratch) / f"x{factor}")
            site = Path(scratch) / f"site-{factor}"
            start = time.perf_counter()
            build_site(site, config_file=project / "mkdocs.yml")  # the first build also writes the data pages
            first = time.perf_counter() - start
            build = bench_build(runs, project)
            start = time.perf_counter()
            outputs = export(Path(scratch) / f"dist-{factor}", config_file=project / "mkdocs.yml")
            export_seconds = time.perf_counter() - start
            pages = sorted(site.rglob("*.html"), key=lambda p: p.stat().st_size)
            records = len(load_records(project))
            results[factor] = {
                "records": records,
                "pages": len(pages),
                "first_build_seconds": first,
                **{f"build_{key}": value for key, value in build.items()},
                "export_seconds": export_seconds,
                "largest_page": {"path": pages[-1].relative_to(site).as_posix(), "bytes": pages[-1].stat().st_size},
                "search_index_gzip": {
                    locale: len(gzip.compress((site / folder / "search" / "search_index.json").read_bytes(), 9))
                    for locale, folder in (("ru", ""), ("en", "en"))
                },
                "zip_bytes": outputs["zip"].stat().st_size,
                "single_ru_bytes": outputs["single_ru"].stat().st_size,
                "single_en_bytes": outputs["single_en"].stat().st_size,
                "weight": bench_weight(site, None, ["index.html", "astana/index.html"]),
                "profile": profile_build(project) if factor == SCALES[-1] else None,
            }
    return results


def load_records(project: Path) -> list:
    """The records the scaling counts: rounds and missions (what grows)."""
    import yaml

    data = project / "data"
    rounds = yaml.safe_load((data / "astana_rounds.yml").read_text(encoding="utf-8"))["rounds"]
    missions = yaml.safe_load((data / "missions.yml").read_text(encoding="utf-8"))["missions"]
    return rounds + missions


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
    return f"{value / 1024:.1f} KB"


def table(rows: list[tuple[str, str, str]]) -> None:
    width = max(len(row[0]) for row in rows)
    value_width = max(len(row[1]) for row in rows)
    print(f"| {'measure'.ljust(width)} | {'value'.ljust(value_width)} | goal |")
    print(f"|{'-' * (width + 2)}|{'-' * (value_width + 2)}|------|")
    for name, value, goal in rows:
        print(f"| {name.ljust(width)} | {value.ljust(value_width)} | {goal} |")


def weight_cell(item: dict) -> str:
    return (f"{item['requests']} / {kb(item['bytes'])} / {kb(item['gzip_bytes'])} / {kb(item['brotli_bytes'])}"
            f" / {item['foreign_requests']}")  # fmt: skip


def print_lighthouse_runs(lighthouse: dict) -> None:
    pages = {path: item for path, item in lighthouse.items() if isinstance(item, dict) and item.get("metrics")}
    if not pages:
        return
    print("\nLighthouse, each run: performance; simulated FCP / LCP / TBT (ms), CLS; first paint as observed"
          " (ms); the machine's benchmark index\n")  # fmt: skip
    rows = []
    for path, item in pages.items():
        for number, (scores, metrics) in enumerate(zip(item["all_runs"], item["metrics"], strict=True), start=1):
            rows.append((f"{path}, run {number}",
                         f"{scores['performance']}; {metrics['fcp']} / {metrics['lcp']} / {metrics['tbt']}, "
                         f"{metrics['cls']}; {metrics['observed_fcp']}; {metrics['benchmark_index']}", ""))  # fmt: skip
    table(rows)


def print_tables(results: dict) -> None:
    build, live, profile = results["build"], results["live_edit"], results["profile"]
    rows = [
        ("Build, clean strict, both languages (median)", f"{build['seconds_median']:.2f} s", ""),
        ("Build, peak memory", f"{build['peak_rss_mb']:.0f} MB", ""),
        (
            "Build, own time in the edition's code / cumulative in its hooks",
            f"{profile['own_code_share']:.0%} / {profile['hooks_cumulative_share']:.0%}",
            "",
        ),  # fmt: skip
        ("Live edit: data file saved → page served (median)", f"{live['seconds_median']:.2f} s", "≤ 2 s"),
    ]
    weights = results["weight"]
    baseline = weights["baseline:article.html"]
    for key, item in weights.items():
        goal = "≤ 90 KB gzip, 0 other hosts" if key.startswith("edition") else ""  # issue 25: the new pages too
        rows.append((f"First visit {key}: requests / raw / gzip / brotli / other hosts", weight_cell(item), goal))
        if item.get("with_search"):
            rows.append(("  … then search opened and a query answered", weight_cell(item["with_search"]), ""))
    edition = weights["edition:article.html"]
    rows.append(("Russian article vs default Material with its fonts (gzip / brotli)",
                 f"{edition['gzip_bytes'] / baseline['gzip_bytes']:.2f} × / "
                 f"{edition['brotli_bytes'] / baseline['brotli_bytes']:.2f} ×", "< 1"))  # fmt: skip
    for page_path, item in results["lighthouse"].items():
        if isinstance(item, dict) and "scores" in item:
            scores = item["scores"]
            order = ("performance", "accessibility", "best-practices", "seo")
            rows.append((f"Lighthouse {page_path} (perf / a11y / best / SEO, median of 3)",
                         " / ".join(f"{scores.get(k, '-'):.0f}" for k in order), "≥ 98 / 100 / 100 / 100"))  # fmt: skip
        else:
            rows.append(("Lighthouse", str(item), ""))
    offline = results["offline"]
    rows += [
        ("Offline zip", kb(offline["zip_bytes"]), "< 1.2 MB"),
        ("EPUB ru / en", f"{kb(offline.get('epub_ru_bytes', 0))} / {kb(offline.get('epub_en_bytes', 0))}", ""),
        ("Single file ru / en", f"{kb(offline['single_ru_bytes'])} / {kb(offline['single_en_bytes'])}",
         "< 250 KB each"),
    ]  # fmt: skip
    table(rows)
    print_lighthouse_runs(results["lighthouse"])
    if results.get("scaling"):
        print("\nScaling (rounds and missions × 1, 10, 100; medians of the runs)\n")
        scale_rows = []
        for factor, item in results["scaling"].items():
            per_100 = 100 / item["records"]
            scale_rows += [
                (f"{factor}×: records / pages", f"{item['records']} / {item['pages']}", ""),
                (f"{factor}×: make site (median) / first build / peak memory",
                 f"{item['build_seconds_median']:.1f} s / {item['first_build_seconds']:.1f} s / "
                 f"{item['build_peak_rss_mb']:.0f} MB", "≤ 30 s at 100×"),
                (f"{factor}×: make offline", f"{item['export_seconds']:.1f} s", ""),
                (f"{factor}×: largest page", f"{kb(item['largest_page']['bytes'])} ({item['largest_page']['path']})",
                 "≤ 500 KB"),
                (f"{factor}×: search index gzip ru / en",
                 f"{kb(item['search_index_gzip']['ru'])} / {kb(item['search_index_gzip']['en'])}", "≤ 100 KB"),
                (f"{factor}×: zip / single ru / single en (per 100 records)",
                 f"{kb(item['zip_bytes'] * per_100)} / {kb(item['single_ru_bytes'] * per_100)} / "
                 f"{kb(item['single_en_bytes'] * per_100)}", ""),
            ]  # fmt: skip
            for key, weight in item["weight"].items():
                scale_rows.append((f"{factor}×: first visit {key}", weight_cell(weight), ""))
        table(scale_rows)
        last = results["scaling"][max(results["scaling"], key=int)]
        if last.get("profile"):
            print(f"\nProfile of one build at {max(results['scaling'], key=int)}× (cumulative):")
            print("\n".join("  " + line for line in last["profile"]["top_cumulative"]))
    print("\nProfile of one build of the real data (cumulative):")
    print("\n".join("  " + line for line in profile["top_cumulative"]))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument("--skip-scaling", action="store_true")
    options = parser.parse_args(argv[1:])
    results = {"runs": options.runs, "machine": {"cores": os.cpu_count()}}
    results["build"] = bench_build(options.runs)
    results["profile"] = profile_build()
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
            "epub_ru_bytes": outputs["epub_ru"].stat().st_size,
            "epub_en_bytes": outputs["epub_en"].stat().st_size,
        }
    results["scaling"] = None if options.skip_scaling else bench_scaling(max(3, options.runs // 2))
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print_tables(results)
    print(f"\nSaved to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
