from .articles import ArticleIndexPage, ArticlePage
from .home import HomePage
from .leaflets import LeafletIndexPage, LeafletPage
from .pages import CampaignPage, ContentPage, StatisticsPage
from .taxonomy import Language

__all__ = [
    "ArticleIndexPage",
    "ArticlePage",
    "CampaignPage",
    "ContentPage",
    "HomePage",
    "Language",
    "LeafletIndexPage",
    "LeafletPage",
    "StatisticsPage",
]
