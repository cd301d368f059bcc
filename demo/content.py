"""Texts of the demo site: five articles retelling the provincial reports in our own words, three leaflets.

Figures are those of the reports; the sentences are written for this site.
"""

import datetime

D = datetime.date

HOME_INTRO = (
    "<p>Tin bài, tờ rơi và số liệu về công tác tuyên truyền, tập huấn phòng, chống mua bán người "
    "của Hội Liên hiệp Phụ nữ và các ngành, ở mọi tỉnh thành.</p>"
)

STATISTICS_INTRO = "<p>Tổng số công khai theo tỉnh, từ các báo cáo đã nhập. Không có tên hay thông tin cá nhân.</p>"

# slug, title, date, author, province (current), topics, audiences, summary, paragraphs, figures, quote
ARTICLES = [
    {
        "slug": "thanh-hoa-vung-bien-phong-ngua-mua-ban-nguoi",
        "title": "Thanh Hóa: chặn mua bán người từ những xã biên giới",
        "date": D(2020, 8, 3),
        "author": "Ban biên tập",
        "province": "Thanh Hóa",
        "topics": ["trafficking_tricks", "victim_support"],
        "audiences": ["grassroots_officials", "industrial_workers", "returned_victims"],
        "summary": (
            "Trong bốn năm rưỡi, các ngành của Thanh Hóa đã đón và giúp 18 nạn nhân trở về, mở lớp cho "
            "hàng nghìn cán bộ và công nhân, còn công an họp dân hơn chín nghìn buổi ở thôn, bản."
        ),
        "paragraphs": [
            "Từ đầu năm 2016 đến hết tháng 6 năm 2020, lực lượng chức năng tỉnh Thanh Hóa đã tiếp nhận, "
            "xác minh và hỗ trợ 18 người bị mua bán trở về. Các sở, ngành giữ liên lạc thường xuyên để "
            "nắm hoàn cảnh từng người và giúp họ kịp thời.",
            "Ngành lao động mở các lớp về cách đón và hỗ trợ nạn nhân cho 2.890 lượt cán bộ xã, huyện; "
            "hướng dẫn di cư an toàn cho 1.152 công nhân các khu công nghiệp; dạy kỹ năng sống cho 52 "
            "người đã trở về; và in, phát 15.000 tờ rơi về chính sách hỗ trợ nạn nhân.",
            "Ở vùng biên, Hội LHPN tỉnh cùng Bộ đội Biên phòng thực hiện chương trình “Đồng hành cùng phụ nữ "
            "biên cương” tại mười xã khó khăn nhất. Công an tỉnh đã họp dân 9.158 buổi để người dân cảnh "
            "giác trước những lời rủ rê đi làm xa.",
        ],
        "figures": [
            ("18", "nạn nhân được tiếp nhận, hỗ trợ"),
            ("2.890", "lượt cán bộ cơ sở được tập huấn"),
            ("1.152", "công nhân học di cư an toàn"),
            ("9.158", "buổi họp dân của công an"),
        ],
        "source": "Báo cáo của tỉnh Thanh Hóa, giai đoạn 2016 - 6/2020",
        "quote": None,
    },
    {
        "slug": "hoi-phu-nu-thanh-pho-335-diem-tuyen-truyen",
        "title": "335 điểm tuyên truyền, hơn 33 nghìn lượt hội viên tham dự",
        "date": D(2020, 11, 20),
        "author": "Ban biên tập",
        "province": "Đà Nẵng",
        "topics": ["trafficking_tricks", "law"],
        "audiences": ["women_members", "officials"],
        "summary": (
            "Hội Phụ nữ thành phố gắn việc phòng ngừa mua bán người với vốn vay, việc làm và những buổi "
            "tọa đàm gần gũi; biên phòng và hải quan cùng tập huấn cho cán bộ."
        ),
        "paragraphs": [
            "Liên Hợp Quốc xếp mua bán người vào nhóm tội phạm nguy hiểm nhất. Ở thành phố này, Hội LHPN "
            "các cấp chọn cách đến gần chị em: tọa đàm, chuyên đề, sinh hoạt tổ, nhóm và câu lạc bộ, cùng một "
            "hội thi tìm hiểu Luật Phòng, chống mua bán người.",
            "Kết quả là 335 điểm tuyên truyền với 33.823 lượt hội viên, phụ nữ tham dự. Song song, quỹ hỗ trợ "
            "phụ nữ phát triển đã cho hơn 6.000 hộ nghèo, cận nghèo vay vốn: có việc làm ổn định, phụ nữ ít "
            "bị dụ dỗ hơn.",
            "Bộ đội Biên phòng và Hải quan thành phố tổ chức 4 đợt tập huấn cho hơn 100 lượt cán bộ về cách "
            "phát hiện, đấu tranh với tội phạm. Những thủ đoạn mới như môi giới hôn nhân trái phép hay hứa hẹn "
            "xuất khẩu lao động được nêu rõ để người dân nhận biết.",
        ],
        "figures": [
            ("335", "điểm tuyên truyền"),
            ("33.823", "lượt hội viên, phụ nữ"),
            ("4", "đợt tập huấn liên ngành"),
        ],
        "source": "Bài tổng kết của thành phố; dữ liệu mẫu gán cho Đà Nẵng",
        "quote": None,
    },
    {
        "slug": "son-la-35-nan-nhan-tro-ve",
        "title": "Sơn La: 35 người được giải cứu, đưa về với gia đình",
        "date": D(2025, 6, 30),
        "author": "Ban biên tập",
        "province": "Sơn La",
        "topics": ["victim_support", "law"],
        "audiences": ["high_risk", "residents"],
        "summary": (
            "Thực hiện chương trình quốc gia giai đoạn 2021-2025, Sơn La đưa tuyên truyền về tận bản, kiểm tra "
            "11 đợt ở các huyện và cùng tổ chức Rồng Xanh giải cứu 35 nạn nhân."
        ),
        "paragraphs": [
            "Sau Quyết định 193/QĐ-TTg năm 2021 của Thủ tướng, các sở, ngành và địa phương của Sơn La đưa chỉ "
            "tiêu phòng, chống mua bán người vào kế hoạch phát triển của mình, thay vì làm riêng lẻ.",
            "Tuyên truyền đi thẳng tới thôn, bản, nhờ cả người có uy tín trong cộng đồng. Những nhóm dễ bị lừa "
            "nhất được ưu tiên: phụ nữ trong độ tuổi sinh đẻ, người hay đi làm ăn xa, người làm trong nhà hàng.",
            "Bộ đội Biên phòng tỉnh, cùng tổ chức Rồng Xanh và các lực lượng khác, đã giải cứu và đưa 35 người "
            "về với gia đình. Từ 2021 đến 2025, tỉnh kiểm tra, giám sát 11 đợt tại các huyện, trong đó có Sông "
            "Mã, Sốp Cộp và Quỳnh Nhai.",
        ],
        "figures": [("35", "nạn nhân được giải cứu, trở về"), ("11", "đợt kiểm tra, giám sát")],
        "source": "Cổng thông tin tỉnh Sơn La, giai đoạn 2021-2025",
        "quote": ("Người có uy tín trong bản nói, bà con nghe và tin.", "Một cán bộ tuyên truyền ở Sơn La"),
    },
    {
        "slug": "quang-ninh-phoi-hop-lien-nganh-2022",
        "title": "Quảng Ninh: phối hợp liên ngành và qua biên giới",
        "date": D(2022, 12, 20),
        "author": "Ban biên tập",
        "province": "Quảng Ninh",
        "topics": ["victim_support", "trafficking_tricks"],
        "audiences": ["high_risk", "ethnic_minority_women"],
        "summary": (
            "Năm 2022, Quảng Ninh ưu tiên truyền thông ở vùng sâu, vùng biên và vùng đồng bào dân tộc thiểu "
            "số, thử mô hình hỗ trợ nạn nhân hòa nhập và giữ đường liên lạc với công an Quảng Tây."
        ),
        "paragraphs": [
            "Đài, báo từ tỉnh đến cơ sở duy trì chuyên mục riêng về mua bán người: thủ đoạn mới, nơi hay xảy ra, "
            "ai dễ thành nạn nhân, nạn nhân được giúp những gì và gọi đường dây nóng nào khi cần.",
            "Sở Lao động - Thương binh và Xã hội biên soạn tài liệu, tập huấn cho cán bộ trực tiếp làm việc "
            "với nạn nhân và thí điểm quy trình chuyển tuyến, hỗ trợ cả những người nghi là nạn nhân.",
            "Công an tỉnh giữ cơ chế phối hợp với công an Quảng Tây (Trung Quốc); Móng Cái và Đông Hưng liên hệ "
            "trực tiếp để xác minh, giải cứu và điều tra nhanh hơn.",
        ],
        "figures": [],
        "source": "Sở LĐ-TB&XH Quảng Ninh, năm 2022",
        "quote": None,
    },
    {
        "slug": "tien-giang-tong-ket-de-an-3",
        "title": "Tiền Giang tổng kết 5 năm hỗ trợ nạn nhân bị mua bán",
        "date": D(2021, 6, 10),
        "author": "Ban biên tập",
        "province": "Đồng Tháp",
        "topics": ["victim_support", "law"],
        "audiences": ["returned_victims", "grassroots_officials"],
        "summary": (
            "Giai đoạn 2016-2020, mọi vụ việc liên quan đến mua bán người ở Tiền Giang (nay thuộc Đồng Tháp) "
            "đều được tiếp nhận, xác minh, và mọi nạn nhân đều được hỗ trợ."
        ),
        "paragraphs": [
            "Tỉnh ban hành Kế hoạch 49/KH-UBND (16/3/2016) và 133/KH-UBND (23/5/2017) để thực hiện Đề án 3 về "
            "tiếp nhận, xác minh, bảo vệ và hỗ trợ nạn nhân, đồng thời thực hiện các thỏa thuận hợp tác với Lào, "
            "Campuchia, Trung Quốc và Vương quốc Anh.",
            "Toàn bộ vụ việc được tiếp nhận và xác minh; toàn bộ nạn nhân được giúp đỡ và có chỗ ở tạm tại Trung "
            "tâm Công tác xã hội tỉnh. Tỉnh cũng thừa nhận việc tuyên truyền có nơi còn đơn điệu, và khó xác minh "
            "những người tự trở về.",
            "Giai đoạn 2021-2025, mục tiêu là giúp nạn nhân ổn định cuộc sống và dạy người dân cách nhận ra, "
            "xử lý những tình huống nguy hiểm trước khi quá muộn.",
        ],
        "figures": [("100%", "vụ việc được tiếp nhận, xác minh"), ("100%", "nạn nhân được hỗ trợ")],
        "source": "UBND tỉnh Tiền Giang, tổng kết Đề án 3 giai đoạn 2016-2020",
        "quote": None,
    },
]

LANGUAGES = [
    ("vi", "Tiếng Việt", "Vietnamese"),
    ("tai", "Tiếng Thái", "Thai (Tày Thái)"),
    ("hmn", "Tiếng H'Mông", "Hmong"),
    ("km", "Tiếng Khmer", "Khmer"),
    ("mtq", "Tiếng Mường", "Muong"),
    ("en", "Tiếng Anh", "English"),
]

LEAFLETS = [
    {
        "slug": "to-roi-chinh-sach-ho-tro-nan-nhan",
        "title": "Tờ rơi phòng, chống mua bán người và chính sách hỗ trợ nạn nhân",
        "date": D(2016, 1, 1),
        "summary": (
            "Những dấu hiệu của lời mời làm việc lừa đảo và những gì người bị mua bán trở về được Nhà nước hỗ trợ."
        ),
        "languages": ["vi", "tai", "mtq"],
        "topics": ["victim_support", "law"],
        "audiences": ["residents", "returned_victims"],
        "provinces": ["Thanh Hóa"],
        "edition": "In lần 1, 2016",
        "print_run": 15000,
        "colour": "#9c1c4b",
        "distribution": "Tờ rơi phòng, chống mua bán người và chính sách hỗ trợ nạn nhân",
        "points": [
            "Việc nhẹ lương cao ở nơi xa là lời mời cần hỏi lại người thân.",
            "Không đưa giấy tờ tùy thân cho người lạ giữ.",
            "Người trở về được hỗ trợ ăn ở, y tế, tâm lý, học nghề.",
            "Gọi 111 hoặc 113 khi thấy nghi ngờ.",
        ],
    },
    {
        "slug": "di-cu-an-toan-cho-nguoi-lao-dong",
        "title": "Đi làm xa an toàn: năm điều cần nhớ",
        "date": D(2019, 3, 1),
        "summary": (
            "Cho công nhân và người đi làm ăn xa: kiểm tra nơi tuyển dụng, giữ giấy tờ, giữ liên lạc với gia đình."
        ),
        "languages": ["vi", "hmn", "km"],
        "topics": ["safe_migration", "trafficking_tricks"],
        "audiences": ["industrial_workers", "ethnic_minority_women"],
        "provinces": ["Thanh Hóa", "Quảng Ninh"],
        "edition": "In lần 2, 2019",
        "print_run": 5000,
        "colour": "#1f5f8b",
        "points": [
            "Hỏi rõ tên, địa chỉ công ty và hợp đồng trước khi đi.",
            "Chụp ảnh giấy tờ, gửi người nhà giữ một bản.",
            "Báo cho gia đình nơi ở, số điện thoại mới.",
            "Không vay tiền của người môi giới.",
            "Khi bị giữ, bị ép: gọi 113.",
        ],
    },
    {
        "slug": "ket-ban-tren-mang-canh-giac",
        "title": "Kết bạn trên mạng: cảnh giác lời hứa hôn nhân, việc làm",
        "date": D(2023, 9, 1),
        "summary": "Cho học sinh và phụ nữ trẻ: những lời hứa hẹn trên mạng xã hội mà kẻ buôn người hay dùng.",
        "languages": ["vi", "tai", "hmn"],
        "topics": ["trafficking_tricks", "life_skills"],
        "audiences": ["students", "ethnic_minority_women"],
        "provinces": ["Sơn La"],
        "edition": "In lần 1, 2023",
        "print_run": 3000,
        "colour": "#2e6b3a",
        "points": [
            "Người quen trên mạng hứa cưới, hứa việc: hỏi người lớn trước.",
            "Không gặp riêng người lạ ở nơi xa nhà.",
            "Không gửi ảnh, giấy tờ cá nhân qua mạng.",
            "Gọi 111 để được tư vấn miễn phí.",
        ],
    },
]

CAMPAIGN_PAGE = {
    "slug": "dong-hanh-cung-phu-nu-bien-cuong",
    "title": "Đồng hành cùng phụ nữ biên cương",
    "campaign": "DHPNBC-2018",
    "summary": (
        "Hội LHPN và Bộ đội Biên phòng Thanh Hóa cùng chị em mười xã biên giới khó khăn nhất, 2018-2020: "
        "câu lạc bộ, lớp tập huấn, buổi truyền thông và phiên chợ."
    ),
    "paragraphs": [
        "Chương trình được ký giữa Hội LHPN tỉnh, Bộ Chỉ huy Bộ đội Biên phòng tỉnh và các đơn vị đồng hành, "
        "cho giai đoạn 2018-2020, tại Yên Khương, Bát Mọt, Trung Lý, Nhi Sơn, Pù Nhi, Quang Chiểu, Tam Thanh, "
        "Na Mèo, Mường Mìn và Hiền Kiệt.",
        "Mười hai câu lạc bộ phụ nữ phòng, chống tội phạm và mua bán người ra đời. Thành viên câu lạc bộ và bà "
        "con các xã dự 25 lớp tập huấn và 30 buổi truyền thông; những phiên chợ truyền thông đưa thông tin đến "
        "đúng nơi chị em hay lui tới.",
        "Mục tiêu chung: một vùng biên an toàn, không tội phạm, không tệ nạn, không còn mua bán người.",
    ],
}

ABOUT_PAGE = {
    "slug": "gioi-thieu",
    "title": "Giới thiệu",
    "paragraphs": [
        "Trang này là thư viện chung của các chiến dịch phòng, chống mua bán người: tin bài từ các tỉnh, tờ rơi "
        "để in và phát, và số liệu công khai về những gì đã làm.",
        "Số liệu công khai không bao giờ chứa tên người. Với nhóm nhạy cảm như người bị mua bán trở về, mọi số "
        "dưới 11, ở bất kỳ cấp nào, được ghi là “<11”, cùng những ô có thể giúp suy ra số ấy (ghi “*”).",
    ],
}
