"""Lists come in pages of `PAGE_SIZE` (`?limit=…&offset=…`); a page holds at most `max_limit`."""

from rest_framework.pagination import LimitOffsetPagination


class Pagination(LimitOffsetPagination):
    # A larger `limit` is cut to this, so no caller asks the database for a page of 10^21 rows.
    max_limit = 1000
