"""Search figures for `make bench`: the relevance test set (tests/search_relevance.py) on SQLite and on
PostgreSQL, success at 1 and at 3 for each language, and the search page's latency over the set's queries.

`python scripts/bench_search.py postgres` measures PostgreSQL on its own: a scratch database `aple_bench` on the
local server (BENCH_POSTGRES_URL), migrated and seeded afresh, and prints its figures as JSON for bench.py."""

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_SERVER = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")


def relevance_figures():
    """{language: {"cases", "at_1", "at_3", "missed", "median_ms", "p95_ms"}} on the database Django uses."""
    from django.test import Client

    sys.path.insert(0, str(ROOT))
    from tests.search_relevance import ENGLISH, KHMER, evaluate, result_paths

    client, figures = Client(), {}
    for language, cases in (("en", ENGLISH), ("km", KHMER)):
        at_1, at_3, missed = evaluate(client, language, cases)
        figures[language] = {"cases": len(cases), "at_1": at_1, "at_3": at_3, "missed": [m[0] for m in missed]}
        figures[language].update(latency(client, language, [query for query, _, _ in cases], result_paths))
    return figures


def latency(client, language, queries, search, rounds=3):
    times = []
    for _ in range(rounds):
        for query in queries:
            start = time.perf_counter()
            search(client, language, query)
            times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {"median_ms": statistics.median(times), "p95_ms": times[int(len(times) * 0.95)]}


def postgres_figures(env):
    """The same figures on PostgreSQL, from a process of their own; None when no PostgreSQL server answers."""
    result = subprocess.run(
        [sys.executable, str(Path(__file__)), "postgres"],
        cwd=ROOT,
        env={**os.environ, **env, "DATABASE_URL": f"{POSTGRES_SERVER}/aple_bench"},
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        print(result.stderr[-2000:], file=sys.stderr)
        return None
    return json.loads(result.stdout.strip().splitlines()[-1])


def print_search_figures(by_database):
    print("\nSearch: the relevance set (tests/search_relevance.py), success at 1 and at 3, and the search page's")
    print("latency over its queries (in-process, page cache off, seed content):")
    for database, figures in by_database.items():
        if figures is None:
            print(f"  {database:10} not measured (no PostgreSQL server at {POSTGRES_SERVER})")
            continue
        for language, f in figures.items():
            missed = f", missed: {', '.join(f['missed'])}" if f["missed"] else ""
            print(
                f"  {database:10} {language}  {f['cases']} queries  @1 {f['at_1']:.0%}  @3 {f['at_3']:.0%}"
                f"  median {f['median_ms']:.1f} ms  p95 {f['p95_ms']:.1f} ms{missed}"
            )


def _measure_postgres():
    import psycopg2

    admin = psycopg2.connect(f"{POSTGRES_SERVER}/postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("DROP DATABASE IF EXISTS aple_bench")
        cursor.execute("CREATE DATABASE aple_bench")
    admin.close()
    for command in (["migrate", "--no-input", "-v", "0"], ["load_initial_data"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    print(json.dumps(relevance_figures()))


if __name__ == "__main__" and sys.argv[1:] == ["postgres"]:
    _measure_postgres()
