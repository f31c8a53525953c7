"""Hooks that shape the generated OpenAPI document (drf-spectacular)."""

from portal.opendata.licence import LICENSE_URL

API_PREFIX = "/api/v1/"


def only_open_data(endpoints, **kwargs):
    """The document describes the open-data API only (not Wagtail's internal admin API)."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(API_PREFIX)]


LICENSE_SCHEMA = {
    "type": "object",
    "description": "The licence of the data (CC BY 4.0) and the credit line to show.",
    "required": ["name", "url", "attribution"],
    "properties": {
        "name": {"type": "string", "example": "CC BY 4.0"},
        "url": {"type": "string", "format": "uri", "example": LICENSE_URL},
        "attribution": {"type": "string"},
    },
}
ERROR_SCHEMA = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["status", "code", "message", "message_en"],
            "properties": {
                "status": {"type": "integer"},
                "code": {"type": "string", "example": "invalid_parameter"},
                "message": {"type": "string", "description": "In Japanese."},
                "message_en": {"type": "string", "description": "In English."},
            },
        }
    },
}


def add_shared_components(result, generator, request, public):
    """The licence and error objects, and the error bodies of every 4xx answer."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["License"] = LICENSE_SCHEMA
    schemas["Error"] = ERROR_SCHEMA
    error = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for status, response in operation.get("responses", {}).items():
                if str(status).startswith("4"):
                    response["content"] = error
    return result
