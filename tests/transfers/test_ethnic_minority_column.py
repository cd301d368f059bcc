"""Activities without a name list can say how many of those who came were of an ethnic minority."""

from campaigns.models import Activity
from campaigns.resources.activities import ActivityResource
from tests.transfers.conftest import HEADER, csv_file
from transfers.service import run_import


def test_the_ethnic_minority_count_is_imported(vocabulary):
    header = HEADER.replace("Trong đó nữ,", "Trong đó nữ,Trong đó dân tộc thiểu số,")
    line = "EM-1,Buổi truyền thông,Họp dân bản Na Mèo,10/09/2025,,,Thanh Hóa,,Na Mèo,,,,45,40,30,,"
    report = run_import(ActivityResource, csv_file(line, header=header), name="x.csv")
    assert report.ok, report.errors
    assert Activity.objects.values_list("participants", "female", "ethnic_minority").get() == (45, 40, 30)


def test_more_minority_than_participants_is_refused(vocabulary):
    header = HEADER.replace("Trong đó nữ,", "Trong đó nữ,Trong đó dân tộc thiểu số,")
    line = "EM-2,Buổi truyền thông,Họp dân bản Na Mèo,10/09/2025,,,Thanh Hóa,,Na Mèo,,,,45,40,50,,"
    report = run_import(ActivityResource, csv_file(line, header=header), name="x.csv")
    assert not report.ok
    assert not Activity.objects.exists()
