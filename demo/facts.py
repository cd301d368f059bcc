"""The figures of three provincial reports (Thanh Hóa, an unnamed city, Sơn La), as demo records.

Every number comes from a report. Where a report gives no number the field stays empty,
since unknown is not zero; where it gives only a total, one batch row carries it. Records
before July 2025 point at the units of that time. `demo.records` writes them.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from campaigns.models import ActivityKind, Organiser, Target

D = datetime.date
Kind = ActivityKind
Org = Organiser.Kind
Level = Organiser.Level

# --- Vocabulary ---------------------------------------------------------------------------

AUDIENCES = [
    ("grassroots_officials", "Cán bộ cơ sở", False, "Grassroots officials"),
    ("industrial_workers", "Công nhân khu công nghiệp", False, "Industrial-zone workers"),
    ("returned_victims", "Nạn nhân bị mua bán trở về", True, "Returned trafficking victims"),
    ("women_members", "Hội viên phụ nữ", False, "Women's Union members"),
    ("residents", "Người dân", False, "Residents"),
    ("club_members", "Thành viên câu lạc bộ", False, "Club members"),
    ("officials", "Cán bộ, chiến sĩ", False, "Officers and soldiers"),
    ("high_risk", "Nhóm nguy cơ cao", False, "High-risk groups"),
    ("students", "Học sinh, sinh viên", False, "Pupils and students"),
    ("ethnic_minority_women", "Phụ nữ dân tộc thiểu số", False, "Ethnic-minority women"),
]
TOPICS = [
    ("trafficking_tricks", "Thủ đoạn mua bán người", "Traffickers' tricks"),
    ("safe_migration", "Di cư an toàn", "Safe migration"),
    ("victim_support", "Hỗ trợ nạn nhân", "Victim support"),
    ("law", "Pháp luật phòng, chống mua bán người", "Anti-trafficking law"),
    ("life_skills", "Kỹ năng sống", "Life skills"),
]
RECEPTION = "Quy trình tiếp nhận, hỗ trợ nạn nhân bị mua bán trở về"
MIGRATION = "Di cư an toàn, phòng, chống mua bán người"
LIFE_SKILLS = "Kỹ năng sống cho nạn nhân bị mua bán trở về"
COURSES = [
    (RECEPTION, "Dành cho cán bộ huyện, xã: các bước đón, xác minh và giúp nạn nhân trở về ổn định cuộc sống."),
    (MIGRATION, "Dành cho người lao động: cách đi làm xa an toàn và nhận ra lời mời chào lừa đảo."),
    (LIFE_SKILLS, "Dành cho người đã trở về: tự tin, tự bảo vệ và tìm lại sinh kế."),
]

# --- Organisers: (name, kind, level, current province or "" for none) ---------------------------

TH_WU = "Hội LHPN tỉnh Thanh Hóa"
TH_BORDER = "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Thanh Hóa"
TH_POLICE = "Công an tỉnh Thanh Hóa"
TH_LABOUR = "Sở Lao động - Thương binh và Xã hội tỉnh Thanh Hóa"
DN_WU = "Hội LHPN thành phố Đà Nẵng"
DN_BORDER = "Bộ Chỉ huy Bộ đội Biên phòng thành phố Đà Nẵng"
DN_CUSTOMS = "Cục Hải quan thành phố Đà Nẵng"
SL_AUTHORITY = "Cơ quan chức năng tỉnh Sơn La"
ORGANISERS = [
    (TH_WU, Org.WOMENS_UNION, Level.PROVINCE, "Thanh Hóa"),
    (TH_BORDER, Org.BORDER_GUARD, Level.PROVINCE, "Thanh Hóa"),
    (TH_POLICE, Org.POLICE, Level.PROVINCE, "Thanh Hóa"),
    (TH_LABOUR, Org.LABOUR, Level.PROVINCE, "Thanh Hóa"),
    (DN_WU, Org.WOMENS_UNION, Level.PROVINCE, "Đà Nẵng"),
    (DN_BORDER, Org.BORDER_GUARD, Level.PROVINCE, "Đà Nẵng"),
    (DN_CUSTOMS, Org.CUSTOMS, Level.PROVINCE, "Đà Nẵng"),
    ("Bộ Chỉ huy Bộ đội Biên phòng tỉnh Sơn La", Org.BORDER_GUARD, Level.PROVINCE, "Sơn La"),
    (SL_AUTHORITY, Org.GOVERNMENT, Level.PROVINCE, "Sơn La"),
    ("Tổ chức Rồng Xanh (Blue Dragon)", Org.NGO, "", ""),
    ("Sở Lao động - Thương binh và Xã hội tỉnh Quảng Ninh", Org.LABOUR, Level.PROVINCE, "Quảng Ninh"),
    ("Trung ương Hội LHPN Việt Nam", Org.WOMENS_UNION, Level.CENTRAL, ""),
]

# --- Campaigns ----------------------------------------------------------------------------------

DHPNBC, CT193, TH_PLAN, DN_PLAN = "DHPNBC-2018", "CT193-2021", "TH-PCMBN-2016", "DN-PCMBN-2016"
TH_PERIOD = (D(2016, 1, 1), D(2020, 6, 30))
DHPNBC_PERIOD = (D(2018, 1, 1), D(2020, 12, 31))
DN_PERIOD = (D(2016, 1, 1), D(2020, 12, 31))
# Sơn La's districts were abolished on 1 July 2025, so its 2021–2025 work ends there.
SL_PERIOD = (D(2021, 1, 1), D(2025, 6, 30))


@dataclass(frozen=True)
class CampaignSpec:
    code: str
    name: str
    description: str
    period: tuple[datetime.date, datetime.date]
    lead: str = ""
    partners: tuple[str, ...] = ()


CAMPAIGNS = [
    CampaignSpec(
        DHPNBC,
        "Đồng hành cùng phụ nữ biên cương",
        "Chương trình phối hợp giữa Hội LHPN và Bộ đội Biên phòng Thanh Hóa ở mười xã biên giới khó khăn nhất "
        "của tỉnh, giai đoạn 2018-2020. Dữ liệu mẫu: các chỉ tiêu kèm theo chỉ để minh họa (hai chỉ tiêu lấy "
        "bằng kết quả báo cáo); báo cáo không nêu chỉ tiêu của kế hoạch.",
        DHPNBC_PERIOD,
        lead=TH_WU,
        partners=(TH_BORDER,),
    ),
    CampaignSpec(
        CT193,
        "Chương trình phòng, chống mua bán người giai đoạn 2021-2025, định hướng đến năm 2030",
        "Chương trình quốc gia do Thủ tướng phê duyệt; các tỉnh, ngành tự lập kế hoạch thực hiện. Dữ liệu mẫu: "
        "chỉ tiêu kiểm tra của Sơn La chỉ để minh họa.",
        (D(2021, 1, 1), D(2025, 12, 31)),
    ),
    CampaignSpec(
        TH_PLAN,
        "Phòng, chống mua bán người tỉnh Thanh Hóa 2016-2020",
        "Công việc của ngành lao động và công an Thanh Hóa từ đầu năm 2016 đến giữa năm 2020. Dữ liệu mẫu: "
        "các chỉ tiêu kèm theo chỉ để minh họa, báo cáo không nêu chỉ tiêu bằng số.",
        TH_PERIOD,
        partners=(TH_LABOUR, TH_POLICE),
    ),
    CampaignSpec(
        DN_PLAN,
        "Phòng, chống mua bán người thành phố Đà Nẵng 2016-2020",
        "Dữ liệu mẫu: bài báo nguồn không ghi tên thành phố, ở đây gán cho Đà Nẵng; các chỉ tiêu kèm theo "
        "chỉ để minh họa.",
        DN_PERIOD,
        partners=(DN_WU, DN_BORDER, DN_CUSTOMS),
    ),
]
CAMPAIGN_CODES = [spec.code for spec in CAMPAIGNS]
CT193_DOCUMENT = ("193/QĐ-TTg", D(2021, 2, 9), "Quyết định phê duyệt chương trình quốc gia 2021-2025")
# Seed 000: the ten border communes, each with its district as it was before July 2025.
DHPNBC_COMMUNES = [
    ("Lang Chánh", "Yên Khương"),
    ("Thường Xuân", "Bát Mọt"),
    ("Mường Lát", "Trung Lý"),
    ("Mường Lát", "Nhi Sơn"),
    ("Mường Lát", "Pù Nhi"),
    ("Mường Lát", "Quang Chiểu"),
    ("Quan Sơn", "Tam Thanh"),
    ("Quan Sơn", "Na Mèo"),
    ("Quan Sơn", "Mường Mìn"),
    ("Quan Hóa", "Hiền Kiệt"),
]
# Targets of the plans: (campaign, measure, kind, audience code, province name or "", value).
# None of the reports states its plan's targets in numbers, so every value here is an
# illustration, written as one in each campaign's description: the border programme's two
# equal what its report says was done; the others are plausible round figures near the
# reported results, some reached and some not, so the targets report shows each status.
TARGETS = [
    (DHPNBC, Target.Measure.SESSIONS, Kind.TRAINING, "", "", 25),
    (DHPNBC, Target.Measure.CLUBS, "", "", "", 12),
    (DHPNBC, Target.Measure.SESSIONS, Kind.COMMUNITY, "", "", 40),  # illustration: 30 held, behind
    (TH_PLAN, Target.Measure.SESSIONS, Kind.RESIDENTS_MEETING, "", "Thanh Hóa", 8000),  # illustration: met
    (TH_PLAN, Target.Measure.PARTICIPANTS, Kind.TRAINING, "grassroots_officials", "Thanh Hóa", 3000),  # behind
    (TH_PLAN, Target.Measure.LEAFLETS, "", "", "Thanh Hóa", 15000),  # illustration: met
    (DN_PLAN, Target.Measure.PARTICIPANTS, Kind.COMMUNITY, "women_members", "", 30000),  # illustration: met
    (DN_PLAN, Target.Measure.SESSIONS, Kind.TRAINING, "", "", 6),  # illustration: 4 held, behind
    (CT193, Target.Measure.SESSIONS, Kind.INSPECTION, "", "Sơn La", 12),  # illustration: 11 held, behind
]

# --- Activities -----------------------------------------------------------------------------------

DN_NOTE = "Bài báo nguồn không nói là thành phố nào; dữ liệu mẫu gán số liệu này cho Đà Nẵng (trước 1/7/2025)."
SL_NOTE = "Báo cáo chỉ nêu số đợt trong cả giai đoạn 2021-2025, không có ngày cụ thể."


@dataclass(frozen=True)
class ActivitySpec:
    external_id: str
    kind: str
    title: str
    campaign: str
    period: tuple[datetime.date, datetime.date]
    organisers: tuple[str, ...]
    place: tuple[str, ...]  # (old province,), (old province, old district) or (…, old commune)
    sessions: int | None
    participants: int | None = None
    audiences: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    course: str = ""
    notes: str = ""


# fmt: off
# Positional rows, one report line each, are easier to check against the report than keywords.
def _labour_training(slug: str, title: str, participants: int, audience: str, topic: str, course: str):
    return ActivitySpec(
        f"demo-thanhhoa-labour-{slug}", Kind.TRAINING, title, TH_PLAN, TH_PERIOD, (TH_LABOUR,), ("Thanh Hóa",),
        None, participants, (audience,), (topic,), course,
        notes="Báo cáo cho tổng số lượt người học, không cho số lớp.",
    )


def _border_communes(slug: str, kind: str, title: str, sessions: int, audiences, topics, note: str):
    """One batch of the programme per border commune, 2018-2020: the report gives the
    programme's totals only, so the demo shares them out equally among the ten communes it
    names, the extra sessions to the first ones in its order (an illustration: the report
    does not say which commune held how many). The totals stay the report's."""
    count = len(DHPNBC_COMMUNES)
    return [
        ActivitySpec(
            f"demo-thanhhoa-wu-{slug}-{number:02d}", kind, f"{title} ({commune})", DHPNBC, DHPNBC_PERIOD, (TH_WU,),
            ("Thanh Hóa", district, commune), sessions // count + (1 if number <= sessions % count else 0), None,
            audiences, topics, notes=note,
        )
        for number, (district, commune) in enumerate(DHPNBC_COMMUNES, start=1)
    ]


# Ids the demo used before its border-commune lines were placed in their communes: removed on load.
OBSOLETE_ACTIVITIES = ["demo-thanhhoa-wu-training", "demo-thanhhoa-wu-community"]
SHARED_NOTE = "Báo cáo chỉ nêu tổng cả chương trình; dữ liệu mẫu chia đều cho mười xã biên giới."
THANH_HOA_ACTIVITIES = [
    *_border_communes(
        "training", Kind.TRAINING, "Tập huấn truyền thông phòng, chống mua bán người ở xã biên giới", 25,
        ("club_members", "residents"), ("trafficking_tricks", "law"),
        "Cả giai đoạn, cả chương trình 25 lớp; báo cáo không nêu số người dự. " + SHARED_NOTE,
    ),
    *_border_communes(
        "community", Kind.COMMUNITY, "Truyền thông cộng đồng về phòng ngừa tội phạm và mua bán người", 30,
        ("residents",), ("trafficking_tricks",),
        "Cả giai đoạn, cả chương trình 30 buổi; báo cáo không nêu số người dự. " + SHARED_NOTE,
    ),
    ActivitySpec(
        "demo-thanhhoa-wu-fair", Kind.FAIR, "Phiên chợ truyền thông về mua bán người và tệ nạn xã hội",
        DHPNBC, DHPNBC_PERIOD, (TH_WU,), ("Thanh Hóa",), None, None, ("women_members", "residents"),
        ("trafficking_tricks",), notes="Báo cáo có nhắc tới các phiên chợ nhưng không cho số phiên hay số người.",
    ),
    ActivitySpec(
        "demo-thanhhoa-police-meetings", Kind.RESIDENTS_MEETING, "Họp dân ở thôn, bản, khu phố cảnh giác mua bán người",
        TH_PLAN, TH_PERIOD, (TH_POLICE,), ("Thanh Hóa",), 9158, None, ("residents",), ("trafficking_tricks",),
        notes="Tổng số buổi họp dân từ 2016 đến giữa 2020; không có số người dự.",
    ),
    _labour_training(
        "reception-training", "Tập huấn tiếp nhận, hỗ trợ nạn nhân cho cán bộ cơ sở", 2890,
        "grassroots_officials", "victim_support", RECEPTION,
    ),
    _labour_training(
        "migration-training", "Tập huấn di cư an toàn cho công nhân khu công nghiệp", 1152,
        "industrial_workers", "safe_migration", MIGRATION,
    ),
    _labour_training(
        "lifeskills-training", "Tập huấn kỹ năng sống cho nạn nhân trở về", 52,
        "returned_victims", "life_skills", LIFE_SKILLS,
    ),
]

DA_NANG_ACTIVITIES = [
    ActivitySpec(
        "demo-danang-wu-community", Kind.COMMUNITY, "Điểm tuyên truyền cho hội viên phụ nữ về mua bán người",
        DN_PLAN, DN_PERIOD, (DN_WU,), ("Đà Nẵng",), 335, 33823, ("women_members",), ("trafficking_tricks", "law"),
        notes="Tổng số điểm tuyên truyền (tọa đàm, chuyên đề, sinh hoạt nhóm) và số lượt dự. " + DN_NOTE,
    ),
    ActivitySpec(
        "demo-danang-wu-contest", Kind.CONTEST, "Hội thi tìm hiểu Luật Phòng, chống mua bán người",
        DN_PLAN, DN_PERIOD, (DN_WU,), ("Đà Nẵng",), None, None, ("women_members",), ("law",),
        notes="Báo cáo không nêu số cuộc thi và số người dự. " + DN_NOTE,
    ),
    ActivitySpec(
        "demo-danang-bg-customs-training", Kind.TRAINING, "Tập huấn đấu tranh với tội phạm mua bán người cho cán bộ",
        DN_PLAN, DN_PERIOD, (DN_BORDER, DN_CUSTOMS), ("Đà Nẵng",), 4, 100, ("officials",), ("trafficking_tricks",),
        notes="Báo cáo ghi “hơn 100” lượt; dữ liệu mẫu lấy 100 làm mức tối thiểu. " + DN_NOTE,
    ),
]

SON_LA_INSPECTED_DISTRICTS = [
    "Bắc Yên", "Quỳnh Nhai", "Sông Mã", "Sốp Cộp", "Mường La", "Phù Yên",
    "Vân Hồ", "Thuận Châu", "Mai Sơn", "Quỳnh Nhai", "Sông Mã",
]
SON_LA_ACTIVITIES = [
    ActivitySpec(
        f"demo-sonla-inspection-{number:02d}", Kind.INSPECTION, f"Kiểm tra phòng, chống mua bán người ở {district}",
        CT193, SL_PERIOD, (SL_AUTHORITY,), ("Sơn La", district), 1, None, (),
        ("victim_support", "law"), notes=SL_NOTE,
    )
    for number, district in enumerate(SON_LA_INSPECTED_DISTRICTS, start=1)
]
# fmt: on
ACTIVITIES = THANH_HOA_ACTIVITIES + DA_NANG_ACTIVITIES + SON_LA_ACTIVITIES

CLUB_COUNT = 12
CLUB_NOTE = "Báo cáo chỉ nói Hội LHPN tỉnh lập 12 câu lạc bộ, không nêu xã nào, nên ghi ở cấp tỉnh."
LEAFLET = "Tờ rơi phòng, chống mua bán người và chính sách hỗ trợ nạn nhân"
LEAFLET_COPIES = 15000  # printed, and all handed out
LEAFLET_NOTE = "Sở in và phát hết 15.000 tờ trong giai đoạn 2016 - 6/2020."
