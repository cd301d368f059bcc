import io

import pytest

from tests.factories import CampaignFactory, OrganiserFactory

HEADER = (
    "Mã,Loại hoạt động,Tên hoạt động,Từ ngày,Đến ngày,Số buổi,Tỉnh/Thành phố,Quận/Huyện,Xã/Phường,"
    "Chương trình,Đơn vị tổ chức,Đối tượng,Số lượt tham dự,Trong đó nữ,Câu lạc bộ,Ghi chú"
)


def csv_file(*lines: str, header: str = HEADER, bom: bool = False, delimiter: str = ",") -> io.BytesIO:
    text = "\n".join([header.replace(",", delimiter), *lines]) + "\n"
    return io.BytesIO((("\ufeff" if bom else "") + text).encode("utf-8"))


@pytest.fixture
def vocabulary(places):
    return {
        "campaign": CampaignFactory(code="DHPNBC-2025", name="Đề án phòng, chống mua bán người"),
        "organiser": OrganiserFactory(name="Hội LHPN tỉnh Thanh Hóa", short_name="Hội LHPN Thanh Hóa"),
    }
