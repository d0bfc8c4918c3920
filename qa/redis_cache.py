"""Django's Redis cache backend, keeping one client per connection pool.

Django's RedisCacheClient builds a new redis.Redis object for every cache call, about
0.2 ms each (redis-py sets up its table of response callbacks in every constructor);
a staff page reads its session and its fragments from the cache, so that was a tenth
of rendering it. The connection pools, and so the connections, were shared already.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class ReusingClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        if index not in self._clients:
            self._clients[index] = super().get_client(key, write=write)
        return self._clients[index]


class ReusingRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingClient
