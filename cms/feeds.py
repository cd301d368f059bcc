"""RSS and Atom feeds of the newest articles."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

FEED_LENGTH = 20


class ArticleFeed(Feed):
    title = _("Preventing human trafficking: articles")
    description = _("New articles about the campaigns against human trafficking.")

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return Site.find_for_request(request)

    def link(self, site) -> str:
        return site.root_url + "/" if site else "/"

    def items(self, site):
        from cms.models import ArticlePage

        pages = ArticlePage.objects.live().public().order_by("-date", "-pk")
        if site is not None:
            pages = pages.descendant_of(site.root_page, inclusive=True)
        return pages[:FEED_LENGTH]

    def item_title(self, item) -> str:
        return item.title

    def item_description(self, item) -> str:
        return item.summary

    def item_link(self, item) -> str:
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_author_name(self, item) -> str:
        return item.author


class ArticleAtomFeed(ArticleFeed):
    feed_type = Atom1Feed
    subtitle = ArticleFeed.description
