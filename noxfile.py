"""The Python matrix (`make matrix`): what the classifiers in pyproject.toml promise, tested.

The default Python (3.11) runs the whole suite in `make test`; each other supported Python gets
a fresh virtualenv (uv, pinned by requirements/constraints.txt) with the package and its test
tools, then the unit and integration tests and a shortened contract run (schemathesis inside
pytest). Interpreters come from pyenv (`make matrix` puts them on PATH); a missing one fails
the run instead of being skipped.
"""

from __future__ import annotations

import nox

nox.options.default_venv_backend = "uv"
nox.options.error_on_missing_interpreters = True
nox.options.reuse_existing_virtualenvs = True

OTHER_PYTHONS = ["3.12", "3.13"]
TESTS = [
    "tests/test_client_unit.py",
    "tests/test_client_integration.py",
    "tests/test_mock.py",
    "tests/test_spec.py",
    "tests/test_rule_agreement.py",
    "tests/test_pytest_plugin.py",
    # the shortened contract: every operation (10 examples each) and the stateful walk
    "tests/test_contract.py::test_every_operation_conforms",
    "tests/test_contract.py::test_stateful_walks_keep_the_contract",
]


@nox.session(python=OTHER_PYTHONS)
def tests(session: nox.Session) -> None:
    session.install("-c", "requirements/constraints.txt", "-e", ".[dev]")
    session.run(
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        *TESTS,
        *session.posargs,
        env={"CONTRACT_EXAMPLES": "10"},
    )
