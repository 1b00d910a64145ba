"""One JUnit report and one links report of the whole gate at the top of ``--reports``.

The gate runs schemathesis once, then stateful rounds (runner.STATEFUL_ROUNDS), each writing
its own ``stateful-N/junit.xml`` and ``links.json``. A CI collects one path (GitLab's
``junit: reports/contract/junit.xml``), so those two files at the top hold every run: the
JUnit reports merged (junitparser), a round's suite named after its round (its test cases keep
their names, which repeat from run to run), and the links every run walked, the union the
console's count is of. The first run's own files stay beside, in ``first-run/``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from junitparser import JUnitXml

JUNIT, LINKS = "junit.xml", "links.json"
FIRST_RUN = "first-run"


def round_folder(reports: Path, round: int) -> Path:
    """Where stateful round ROUND (from 1) writes its reports."""
    return reports / f"stateful-{round}"


def combine(reports: Path, rounds: int, covered: list[str]) -> None:
    """After ROUNDS stateful rounds (none: the top-level files are the one run's already), put
    every run's JUnit test cases and the links COVERED (every run's) at the top of REPORTS."""
    if rounds == 0:
        return
    first = reports / FIRST_RUN
    first.mkdir(exist_ok=True)
    for name in (JUNIT, LINKS):
        if (reports / name).is_file():
            shutil.copyfile(reports / name, first / name)
    merged = JUnitXml()
    runs = [
        (first, ""),
        *((round_folder(reports, n), f" stateful round {n}") for n in range(1, rounds + 1)),
    ]
    for folder, label in runs:
        if not (folder / JUNIT).is_file():
            continue  # a run that stopped before writing its report: its console said why
        for suite in JUnitXml.fromfile(str(folder / JUNIT)):
            suite.name = f"{suite.name}{label}"
            merged.add_testsuite(suite)
    merged.update_statistics()  # type: ignore[no-untyped-call]  # junitparser 5 is untyped here
    merged.write(str(reports / JUNIT), pretty=True)
    (reports / LINKS).write_text(json.dumps({"covered": sorted(covered)}, indent=2))
