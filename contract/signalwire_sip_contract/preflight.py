"""The preflight: what the gate checks before schemathesis starts, so that a wrong setting is
named in seconds rather than reported, a minute later, as the contract failing.

schemathesis takes a refused token for the API's answer under test: a wrong
``SIGNALWIRE_API_TOKEN`` ran the whole gate (88 s) to end as "schemathesis reported failures"
with a JUnit report of no failure (#26), and its hint named options of another tool. So one
cheap authenticated request the spec has (a page of one SIP credential) goes first with the
run's credentials: a 401 or 403 there is the credentials, no answer within ``TIMEOUT`` is the
target; any other answer is the API's, left to schemathesis to judge.
"""

from __future__ import annotations

import urllib.parse

import httpx

from signalwire_sip import ENV_API_TOKEN, ENV_PROJECT_ID
from signalwire_sip_mock import operation_path

#: Seconds the preflight waits to connect, and then for the answer: a space that cannot be
#: reached is named within seconds (it took the sandbox 42 s to fail before).
TIMEOUT = 5.0


class Refused(Exception):
    """The target refused the run's credentials; the message names the variable to fix."""


class Unreachable(Exception):
    """The target gave no answer within the timeout; the message says what was tried."""


def url_problem(url: str) -> str | None:
    """What is wrong with a ``--url`` (None when nothing is): a URL without a scheme is parsed
    by every HTTP library as something else (``127.0.0.1:8080`` as a path, ``mock:8080`` as
    the scheme ``mock``), so it is named as such rather than waited for."""
    if "://" not in url:
        return f"--url {url} has no scheme: add http:// (--url http://{url})"
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"--url {url}: give an http:// or https:// URL with a host, e.g. http://mock:8080"
    return None


def preflight(base_url: str, project_id: str, token: str, timeout: float = TIMEOUT) -> int:
    """GET one page of one SIP credential at BASE_URL with the run's credentials; the status
    it answered. ``Refused`` on a 401 or 403, ``Unreachable`` when no answer comes within
    TIMEOUT. No redirect is followed: the token goes to BASE_URL's origin only, and a redirect
    is an answer for schemathesis to judge. The token is in no message."""
    url = base_url + operation_path("list_sip_credentials")
    try:
        with httpx.Client(timeout=timeout, follow_redirects=False) as http:
            status = http.get(url, params={"page_size": 1}, auth=(project_id, token)).status_code
    except httpx.HTTPError as error:
        raise Unreachable(
            f"could not reach {base_url} within {timeout:g}s ({type(error).__name__}: {error})"
        ) from None
    if status == 401:
        raise Refused(
            f"{base_url} refused the project's credentials (401 on GET {url}): check "
            f"{ENV_PROJECT_ID} and {ENV_API_TOKEN} (the token is not shown)"
        )
    if status == 403:
        raise Refused(
            f"{base_url} forbade the project's credentials to list SIP credentials (403 on "
            f"GET {url}): give the token in {ENV_API_TOKEN} that permission, or set one that "
            f"has it (of the project in {ENV_PROJECT_ID})"
        )
    return status
