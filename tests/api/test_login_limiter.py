"""The login limiter of issue 18 item 5: each bypass found is reproduced here and now fails.

Password checks are counted through ``gaodi.access.passwords.verify_password`` (the one argon2 call),
so the tests do not depend on wall time.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient

from gaodi.access import passwords
from gaodi.access.rate_limit import LoginLimiter
from gaodi.api import ApiSettings, create_app
from gaodi.api.client_address import client_address
from gaodi.errors import TooManyAttempts

from . import province

WRONG = {"username": "cs", "password": "wrong-password"}


def _app(workspace, **settings) -> TestClient:
    return create_app(workspace, ApiSettings(serve_ui=False, **settings))


@pytest.fixture
def checks(monkeypatch):
    """Record every argon2 verification: which hash it used, and how many ran at the same time."""
    seen = {"hashes": [], "running": 0, "most": 0, "argon2": True}
    lock = threading.Lock()
    real = passwords.verify_password

    def counted(password_hash: str, password: str) -> bool:
        with lock:
            seen["hashes"].append(password_hash)
            seen["running"] += 1
            seen["most"] = max(seen["most"], seen["running"])
        try:
            time.sleep(0.02)  # long enough for concurrent requests to overlap
            return real(password_hash, password) if seen["argon2"] else True
        finally:
            with lock:
                seen["running"] -= 1

    monkeypatch.setattr(passwords, "verify_password", counted)
    return seen


def _post_all(client: TestClient, bodies, headers=None) -> Counter:
    with ThreadPoolExecutor(len(bodies)) as pool:
        codes = pool.map(lambda b: client.post("/api/auth/login", json=b, headers=headers).status_code, bodies)
    return Counter(codes)


def test_forty_concurrent_guesses_meet_the_limit_and_only_five_passwords_are_checked(workspace, checks):
    with TestClient(_app(workspace, login_attempts=5, login_attempts_per_address=1000)) as client:  # one event loop
        codes = _post_all(client, [WRONG] * 40)
    assert codes == {401: 5, 429: 35}
    assert len(checks["hashes"]) == 5


def test_a_successful_login_does_not_reset_the_address_count(workspace):
    """Two failures at cp, a success at the attacker's own account cs, then one more failure fills
    the address's 3 allowed; the next attempt, even the right password, is refused."""
    client = TestClient(_app(workspace, login_attempts=100, login_attempts_per_address=3))
    guess = {"username": "cp", "password": "guess-guess"}
    assert [client.post("/api/auth/login", json=guess).status_code for _ in range(2)] == [401, 401]
    assert client.post("/api/auth/login", json={"username": "cs", "password": province.PASSWORD}).status_code == 200
    assert client.post("/api/auth/login", json=guess).status_code == 401
    assert client.post("/api/auth/login", json=guess).status_code == 429
    assert client.post("/api/auth/login", json={"username": "cs", "password": province.PASSWORD}).status_code == 429


def test_x_forwarded_for_is_ignored_unless_it_comes_from_a_configured_proxy(workspace):
    direct = TestClient(_app(workspace, login_attempts_per_address=2), client=("203.0.113.5", 4000))
    codes = [direct.post("/api/auth/login", json=WRONG, headers={"X-Forwarded-For": f"198.51.100.{i}"}).status_code
             for i in range(4)]
    assert codes == [401, 401, 429, 429]  # a fresh forged address per guess buys nothing
    proxied = TestClient(_app(workspace, login_attempts_per_address=2, trusted_proxies="10.0.0.0/24"),
                         client=("10.0.0.2", 4000))
    codes = [proxied.post("/api/auth/login", json=WRONG, headers={"X-Forwarded-For": f"198.51.100.{i}"}).status_code
             for i in range(4)]
    assert codes == [401] * 4  # behind the configured proxy, each real client has its own count


@pytest.mark.parametrize("peer,header,expected", [
    ("127.0.0.1", "1.2.3.4", "127.0.0.1"),                   # no proxy configured for localhost
    ("10.0.0.2", "1.2.3.4", "1.2.3.4"),
    ("10.0.0.2", "6.6.6.6, 1.2.3.4", "1.2.3.4"),             # the client forged the left part
    ("10.0.0.2", "1.2.3.4, 10.0.0.9", "1.2.3.4"),            # two proxies of ours
    ("10.0.0.2", "not-an-ip", "10.0.0.2"),
    ("10.0.0.2", None, "10.0.0.2"),
])
def test_the_client_address_is_read_from_the_right_past_our_proxies(peer, header, expected):
    proxies = ApiSettings(trusted_proxies="10.0.0.0/24").proxy_networks()
    assert client_address(peer, header, proxies) == expected


def test_an_outsider_cannot_lock_the_administrator_out(workspace):
    app = _app(workspace, login_attempts=3, trusted_proxies="10.0.0.0/24")
    client = TestClient(app, client=("10.0.0.2", 4000))
    attacker = {"X-Forwarded-For": "198.51.100.7"}
    codes = [client.post("/api/auth/login", json={"username": "admin", "password": "guess-guess"},
                         headers=attacker).status_code for _ in range(10)]
    assert codes == [401] * 3 + [429] * 7
    r = client.post("/api/auth/login", json={"username": "admin", "password": province.PASSWORD},
                    headers={"X-Forwarded-For": "192.0.2.10"})
    assert r.status_code == 200


def test_each_further_lockout_lasts_twice_as_long_up_to_the_cap():
    now = [0.0]
    limiter = LoginLimiter(limit=2, window=100, per_address=1000, max_lockout=300, clock=lambda: now[0])
    waits = []
    for _ in range(4):
        limiter.failed(limiter.begin("a", "u"))
        limiter.failed(limiter.begin("a", "u"))
        with pytest.raises(TooManyAttempts) as refused:
            limiter.begin("a", "u")
        waits.append(refused.value.details["retry_after"])
        now[0] += waits[-1]
    assert waits == [101, 201, 301, 301]


def test_attempts_still_being_checked_fill_the_counter_but_do_not_lock_it():
    limiter = LoginLimiter(limit=2, window=100, clock=lambda: 0.0)
    first, second = limiter.begin("a", "u"), limiter.begin("a", "u")
    with pytest.raises(TooManyAttempts):
        limiter.begin("a", "u")  # two checks under way: a third waits
    limiter.succeeded(first)
    limiter.withdraw(second)
    limiter.begin("a", "u")  # nothing was locked


def test_unknown_and_known_accounts_cost_exactly_one_check_of_the_same_kind(workspace, checks):
    client = TestClient(_app(workspace, login_attempts=100))
    assert client.post("/api/auth/login", json={"username": "nobody-here", "password": "x" * 10}).status_code == 401
    assert client.post("/api/auth/login", json=WRONG).status_code == 401
    unknown, known = checks["hashes"]
    assert unknown == passwords.dummy_hash() and known.startswith("$argon2id$")
    params = lambda h: h.split("$")[1:4]  # noqa: E731 - algorithm, version, memory/time/parallelism
    assert params(unknown) == params(known)


def test_a_hundred_concurrent_logins_run_at_most_the_configured_checks_at_once(workspace, checks):
    checks["argon2"] = False  # 100 real argon2 checks take half a minute of CPU; the count is what matters
    app = _app(workspace, login_attempts=1000, login_attempts_per_address=1000, password_checks=2)
    with TestClient(app) as client:  # one event loop, as under uvicorn: waiting logins hold no thread
        codes = _post_all(client, [{"username": "cs", "password": province.PASSWORD}] * 100)
    assert codes == {200: 100}
    assert len(checks["hashes"]) == 100 and checks["most"] == 2


def test_the_limiter_forgets_quiet_addresses_so_its_memory_stays_bounded():
    now = [0.0]
    limiter = LoginLimiter(limit=5, window=10, max_lockout=20, clock=lambda: now[0])
    for i in range(3000):
        limiter.begin(f"addr{i}", "u")
    assert len(limiter) == 6000
    now[0] = 100.0
    for i in range(1000):
        limiter.begin("late", "u") if i == 0 else limiter.begin(f"late{i}", "u")
    assert len(limiter) < 3000


def test_logins_that_find_the_server_busy_answer_429_and_count_as_no_guess(workspace, monkeypatch):
    """With one check at a time and a short wait, logins beyond the one running are turned away
    with 429; they leave no mark: five wrong passwords afterwards are still all answered 401 under
    a limit of 6 (had the five busy ones counted, the second would be refused)."""
    release = threading.Event()
    real = passwords.verify_password
    monkeypatch.setattr(passwords, "verify_password", lambda h, p: release.wait(5) and real(h, p))
    client = TestClient(_app(workspace, login_attempts=6, login_attempts_per_address=6, password_checks=1,
                             password_check_wait_seconds=0.2))
    right = {"username": "cs", "password": province.PASSWORD}
    with client, ThreadPoolExecutor(6) as pool:
        first = pool.submit(client.post, "/api/auth/login", json=right)
        time.sleep(0.3)  # the first holds the only slot
        busy = list(pool.map(lambda _: client.post("/api/auth/login", json=right), range(5)))
        release.set()
    assert first.result().status_code == 200
    assert [r.status_code for r in busy] == [429] * 5
    assert all("繁忙" in r.json()["error"]["message"] for r in busy)
    assert [client.post("/api/auth/login", json=WRONG).status_code for _ in range(5)] == [401] * 5


def test_logins_waiting_for_a_check_do_not_starve_other_requests(workspace, monkeypatch, login):
    """60 logins queue behind one check at a time (0.1 s each); a request for /api/auth/me sent after
    them is answered while most are still waiting, since a waiting login holds no worker thread (when
    waiting logins held threads, 40 of them filled the pool and /me came after some 20 logins)."""
    headers = login("cs")  # before the checks are slowed down
    monkeypatch.setattr(passwords, "verify_password", lambda h, p: time.sleep(0.1) or False)
    app = _app(workspace, login_attempts=1000, login_attempts_per_address=1000, password_checks=1,
               password_check_wait_seconds=60)
    finished = []
    with TestClient(app) as client, ThreadPoolExecutor(61) as pool:
        body = {"username": "cs", "password": "wrong-password"}
        logins = [pool.submit(lambda: finished.append(client.post("/api/auth/login", json=body).status_code))
                  for _ in range(60)]
        time.sleep(0.5)
        me = client.get("/api/auth/me", headers=headers)
        waiting = 60 - len(finished)
        for f in logins:
            f.result()
    assert me.status_code == 200 and waiting >= 45
    assert finished.count(401) == 60
