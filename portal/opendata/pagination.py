"""Cursor pagination: stable under inserts, opaque cursors, a 400 for a cursor that is not one."""

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import NotFound, ParseError
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response

from portal.opendata.licence import licence_block

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
INVALID_CURSOR = _("The cursor is not valid; use the `next` or `previous` link of a response.")


class InvalidCursor(ParseError):
    default_detail = INVALID_CURSOR
    default_code = "invalid_cursor"


class StableCursorPagination(CursorPagination):
    """Ordered by the stable id, so a walk sees every object once even while rows are added."""

    ordering = "pk"
    page_size = DEFAULT_PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def decode_cursor(self, request):
        try:
            return super().decode_cursor(request)
        except NotFound as error:
            raise InvalidCursor() from error

    def get_page_size(self, request):
        value = request.query_params.get(self.page_size_query_param)
        if value in (None, ""):
            return self.page_size
        if not value.isdigit() or not 1 <= int(value) <= self.max_page_size:
            raise ParseError(
                _("page_size must be a whole number from 1 to %(max)d.") % {"max": MAX_PAGE_SIZE},
                code="invalid_page_size",
            )
        return int(value)

    def get_paginated_response(self, data):
        return Response(
            {
                "license": licence_block(),
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["license", "next", "previous", "results"],
            "properties": {
                "license": {"$ref": "#/components/schemas/License"},
                "next": {"type": "string", "format": "uri", "nullable": True},
                "previous": {"type": "string", "format": "uri", "nullable": True},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"] = {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE}
        return parameters
