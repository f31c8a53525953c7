"""The DCAT catalogue (JSON-LD) that CKAN's DCAT harvester (ckanext-dcat) and other national
data portals read: one dcat:Catalog, a dcat:Dataset per dataset, a dcat:Distribution per file."""

from django.urls import reverse
from django.utils import translation

from portal.opendata.downloads import MEDIA_TYPES
from portal.opendata.licence import LICENSE_URL, PUBLISHER_NAME, PUBLISHER_NAME_EN

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
FORMATS = {"csv": "CSV", "jsonl": "JSON Lines", "json": "JSON"}


def _texts(value) -> list[dict]:
    """A translatable text as language-tagged literals (Japanese and English)."""
    literals = []
    for language in ("ja", "en"):
        with translation.override(language):
            literals.append({"@value": str(value), "@language": language})
    return literals


def _literal(moment) -> dict:
    return {"@value": moment.isoformat(), "@type": "xsd:dateTime"}


def _publisher(base: str) -> dict:
    return {
        "@id": f"{base}/#publisher",
        "@type": "foaf:Organization",
        "foaf:name": [
            {"@value": PUBLISHER_NAME, "@language": "ja"},
            {"@value": PUBLISHER_NAME_EN, "@language": "en"},
        ],
        "foaf:homepage": {"@id": f"{base}/"},
    }


def _distribution(*, dataset, fmt, url, access_url) -> dict:
    media_type = MEDIA_TYPES.get(fmt, "application/json").split(";")[0]
    return {
        "@id": f"{url}#distribution",
        "@type": "dcat:Distribution",
        "dct:title": f"{dataset.slug} ({FORMATS[fmt]})",
        "dct:format": FORMATS[fmt],
        "dcat:mediaType": media_type,
        "dcat:accessURL": {"@id": access_url},
        "dcat:downloadURL": {"@id": url},
        "dct:license": {"@id": LICENSE_URL},
    }


def _dataset(*, dataset, modified, absolute, publisher) -> dict:
    page = absolute(reverse("opendata:page"))
    distributions = [
        _distribution(
            dataset=dataset,
            fmt=fmt,
            url=absolute(reverse("opendata_api:download", args=[dataset.slug, fmt])),
            access_url=page,
        )
        for fmt in ("csv", "jsonl")
    ]
    api_url = absolute(reverse(f"opendata_api:{dataset.slug}-list"))
    distributions.append(
        _distribution(dataset=dataset, fmt="json", url=api_url, access_url=api_url)
    )
    entry = {
        "@id": absolute(reverse("opendata:page")) + f"#{dataset.slug}",
        "@type": "dcat:Dataset",
        "dct:identifier": dataset.slug,
        "dct:title": _texts(dataset.title),
        "dct:description": _texts(dataset.description),
        "dct:publisher": publisher,
        "dct:license": {"@id": LICENSE_URL},
        "dct:language": ["ja"],
        "dcat:keyword": [literal for keyword in dataset.keywords for literal in _texts(keyword)],
        "dcat:landingPage": {"@id": page},
        "dcat:distribution": distributions,
    }
    if modified:
        entry["dct:modified"] = _literal(modified)
    return entry


def catalog_document(*, datasets_with_modified, absolute, title, description) -> dict:
    """`datasets_with_modified`: [(dataset, newest change)]; `absolute`: path → absolute URL."""
    base = absolute("/").rstrip("/")
    publisher = _publisher(base)
    entries = [
        _dataset(dataset=dataset, modified=modified, absolute=absolute, publisher=publisher)
        for dataset, modified in datasets_with_modified
    ]
    stamps = [modified for _dataset_, modified in datasets_with_modified if modified]
    document = {
        "@context": CONTEXT,
        "@id": absolute(reverse("opendata_api:catalog")),
        "@type": "dcat:Catalog",
        "dct:title": _texts(title),
        "dct:description": _texts(description),
        "dct:publisher": publisher,
        "dct:license": {"@id": LICENSE_URL},
        "dct:language": ["ja", "en"],
        "foaf:homepage": {"@id": absolute(reverse("opendata:page"))},
        "dcat:dataset": entries,
    }
    if stamps:
        document["dct:modified"] = _literal(max(stamps))
    return document
