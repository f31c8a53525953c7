from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from portal.community import selectors
from portal.community.forms import RequestFilterForm


class OpenRequestsFeed(Feed):
    """Atom feed of open, public requests; the list page's filters apply (``?category=…``)."""

    feed_type = Atom1Feed
    title = _("Open support requests — 地域DX共創ポータル")
    subtitle = _("Needs of municipalities that are accepting proposals from startups.")

    def get_object(self, request, *args, **kwargs):
        form = RequestFilterForm(request.GET or None)
        form.is_valid()
        return form.filters() if form.is_bound else selectors.RequestFilters()

    def link(self, filters):
        return reverse("community:request_list")

    def items(self, filters):
        return selectors.support_request_feed(filters=filters)

    def item_title(self, item):
        return f"{item.title}（{item.municipality.full_name}）"

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.get_category_display(), *(tag.name for tag in item.tags.all())]

    def item_author_name(self, item):
        return item.municipality.full_name
