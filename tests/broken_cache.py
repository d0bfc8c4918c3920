"""A cache backend whose server has gone away: every call raises, as RedisCache does
when Redis is down."""

from django.core.cache.backends.base import BaseCache


class GoneCache(BaseCache):
    def __init__(self, location, params):
        super().__init__(params)

    def _fail(self, *args, **kwargs):
        raise ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    add = get = set = touch = delete = clear = has_key = incr = get_many = set_many = delete_many = _fail
