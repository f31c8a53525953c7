"""Walks everything the open-data API and page publish: every list with every page of results,
every object's detail, every download, the catalogue, the dashboard and the OpenAPI document."""

LIST_ENDPOINTS = [
    "municipalities",
    "requests",
    "case-studies",
    "patterns",
    "subsidies",
    "events",
    "startups",
]
REQUEST_STATES = ["open", "selecting", "co_creating", "completed", "withdrawn"]


def read(client, url: str) -> tuple[int, str]:
    response = client.get(url)
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    ).decode("utf-8")
    return response.status_code, body


def walk_list(client, url: str, *, page_size: int) -> list[dict]:
    """Every object of a list endpoint, following `next` links to the end."""
    objects, bodies = [], []
    separator = "&" if "?" in url else "?"
    next_url = f"{url}{separator}page_size={page_size}"
    while next_url:
        response = client.get(next_url)
        assert response.status_code == 200, (next_url, response.content[:300])
        bodies.append(response.content.decode())
        page = response.json()
        objects.extend(page["results"])
        next_url = page["next"]
    return objects, bodies


def sweep(client, *, municipality_page_size=200) -> tuple[dict[str, list[dict]], list[str]]:
    """(objects by dataset, every body read). Municipalities are walked in big pages (1,959 of
    them); the other lists one object per page so that every cursor is followed."""
    found, bodies = {}, []
    for slug in LIST_ENDPOINTS:
        size = municipality_page_size if slug == "municipalities" else 1
        objects, pages = walk_list(client, f"/api/v1/{slug}/", page_size=size)
        found[slug] = objects
        bodies += pages
        if slug != "municipalities":
            for obj in objects:
                status, body = read(client, f"/api/v1/{slug}/{obj['id']}/")
                assert status == 200
                bodies.append(body)
        for fmt in ("csv", "jsonl"):
            status, body = read(client, f"/api/v1/downloads/{slug}.{fmt}")
            assert status == 200
            bodies.append(body)
        bodies.append(read(client, f"/api/v1/downloads/{slug}-columns.csv")[1])
    for state in REQUEST_STATES:
        objects, pages = walk_list(client, f"/api/v1/requests/?state={state}", page_size=1)
        found["requests"] += objects
        bodies += pages
    for url in (
        "/api/v1/openapi.json",
        "/api/v1/catalog.jsonld",
        "/api/v1/dashboard/",
        "/api/v1/dashboard/?period=12m",
        "/ja/open-data/",
        "/en/open-data/",
    ):
        status, body = read(client, url)
        assert status == 200, url
        bodies.append(body)
    return found, bodies
