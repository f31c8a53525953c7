"""The Redis cache falls back to a per-process cache while Redis cannot be reached
(portal/core/cache.py): misses cost only speed, counters and allauth's limits keep counting."""

import pytest
import redis
from django.test import override_settings

from portal.core.cache import FailSoftRedisCache
from tests.cocreation.livestack import RedisServer, free_port
from tests.factories import TEST_PASSWORD, UserFactory

LOGIN = "/ja/accounts/login/"


def _cache(url: str, retry: float = 60) -> FailSoftRedisCache:
    return FailSoftRedisCache(
        url,
        {
            "RETRY_SECONDS": retry,
            "KEY_PREFIX": "fallback-test",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        },
    )


def _dead_redis_url() -> str:
    return f"redis://127.0.0.1:{free_port()}/0"


def test_unreachable_redis_answers_from_a_per_process_cache():
    cache = _cache(_dead_redis_url())
    assert cache.get("missing") is None
    assert cache.degraded
    assert cache.add("counter", 1, 30)
    assert not cache.add("counter", 5, 30)
    assert cache.incr("counter") == 2
    cache.set_many({"a": 1, "b": 2})
    assert cache.get_many(["a", "b"]) == {"a": 1, "b": 2}
    cache.delete("a")
    assert not cache.has_key("a")
    with pytest.raises(ValueError):
        cache.incr("never-set")


def test_the_shared_cache_is_used_again_once_redis_answers(tmp_path):
    server = RedisServer(tmp_path)
    cache = _cache(server.url, retry=0)
    assert cache.get("k") is None and cache.degraded
    server.start()
    try:
        cache.set("k", "shared", 30)
        assert not cache.degraded
        direct = redis.Redis.from_url(server.url)
        assert direct.exists(cache.make_key("k"))
    finally:
        server.stop()


def test_redis_is_not_retried_on_every_call_while_it_is_down(monkeypatch):
    cache = _cache(_dead_redis_url(), retry=60)
    cache.get("first")
    calls = []
    monkeypatch.setattr(
        "django.core.cache.backends.redis.RedisCache.get",
        lambda *args, **kwargs: calls.append(args),
    )
    cache.get("second")
    assert calls == []


DEAD_CACHE = {
    "default": {
        "BACKEND": "portal.core.cache.FailSoftRedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",
        "RETRY_SECONDS": 60,
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
}


@pytest.mark.django_db
def test_sign_in_and_its_limits_work_while_redis_is_down(client):
    with override_settings(CACHES=DEAD_CACHE):
        user, target = UserFactory(), UserFactory()
        response = client.post(LOGIN, {"login": user.email, "password": TEST_PASSWORD})
        assert response.status_code == 302
        assert client.get("/ja/notifications/").status_code == 200
        client.logout()
        for _ in range(5):
            client.post(LOGIN, {"login": target.email, "password": "wrong-password"})
        response = client.post(LOGIN, {"login": target.email, "password": TEST_PASSWORD})
        assert response.status_code == 200
        assert "このアカウントへのログイン失敗が続いたため" in response.content.decode()
        assert "_auth_user_id" not in client.session
