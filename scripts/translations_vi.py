"""Vietnamese for the project's own interface strings (English msgid → Vietnamese)."""

TRANSLATIONS = {
    # Apps
    "Campaigns": "Chương trình, chiến dịch",
    "Trainings": "Tập huấn",
    "Public site": "Trang công khai",
    # Commands
    "Create a superuser for trying the site out, with a random password printed once. "
    "Does nothing when the user exists.": "Tạo tài khoản quản trị để dùng thử, với mật khẩu ngẫu nhiên chỉ in ra "
    "một lần. Không làm gì nếu tài khoản đã có.",
    "Demo admin “%(username)s” exists; its password was printed when it was created.": "Tài khoản quản trị "
    "dùng thử “%(username)s” đã có; mật khẩu đã được in ra khi tạo.",
    "To choose a new one: python manage.py changepassword %(username)s": "Để đặt mật khẩu mới: "
    "python manage.py changepassword %(username)s",
    "Demo admin created. Sign in at http://127.0.0.1:8000/admin/ with:": "Đã tạo tài khoản quản trị dùng thử. "
    "Đăng nhập tại http://127.0.0.1:8000/admin/ với:",
    "This password is shown only now; write it down.": "Mật khẩu này chỉ hiện một lần; hãy ghi lại.",
    "username": "tên đăng nhập",
    "password": "mật khẩu",
    "Load Vietnam's provinces, districts and communes (current and before 1 July 2025). Safe to run again.": (
        "Nạp các tỉnh, huyện, xã của Việt Nam (hiện hành và trước ngày 1/7/2025). Chạy lại nhiều lần vẫn an toàn."
    ),
    "Places: %(created)d created, %(updated)d updated, %(unchanged)d unchanged in %(seconds).1f s.": (
        "Đơn vị hành chính: tạo mới %(created)d, cập nhật %(updated)d, giữ nguyên %(unchanged)d "
        "trong %(seconds).1f giây."
    ),
    # Places
    "province": "tỉnh/thành phố",
    "district": "quận/huyện",
    "commune": "xã/phường",
    "centrally-run city": "thành phố trực thuộc trung ương",
    "urban district": "quận",
    "rural district": "huyện",
    "town": "thị xã",
    "provincial city": "thành phố thuộc tỉnh",
    "ward": "phường",
    "township": "thị trấn",
    "special zone": "đặc khu",
    "level": "cấp",
    "type": "loại",
    "official code": "mã hành chính",
    "The General Statistics Office code: 2 digits for a province, 3 for a district, 5 for a commune.": (
        "Mã của Tổng cục Thống kê: 2 chữ số cho tỉnh, 3 cho huyện, 5 cho xã."
    ),
    "name": "tên",
    "Official name with its prefix, e.g. “Xã Na Mèo”.": "Tên chính thức kèm cấp hành chính, ví dụ “Xã Na Mèo”.",
    "short name": "tên ngắn",
    "The name without its prefix, e.g. “Na Mèo”.": "Tên không kèm cấp hành chính, ví dụ “Na Mèo”.",
    "search key": "khóa tìm kiếm",
    "The short name in lower case without diacritics, used to look places up.": (
        "Tên ngắn viết thường, không dấu, dùng để tìm đơn vị hành chính."
    ),
    "in force": "đang hiệu lực",
    "In force since 1 July 2025; otherwise a unit of the system before that date.": (
        "Có hiệu lực từ ngày 1/7/2025; nếu không, là đơn vị của hệ thống trước ngày đó."
    ),
    "parent unit": "đơn vị cấp trên",
    "taken over by": "nay thuộc",
    "For a unit before July 2025: the current unit that took it over.": (
        "Với đơn vị trước tháng 7/2025: đơn vị hiện hành đã tiếp nhận đơn vị này."
    ),
    "place": "đơn vị hành chính",
    "places": "đơn vị hành chính",
    "Places": "Đơn vị hành chính",
    "since 1/7/2025": "từ 1/7/2025",
    "before 1/7/2025": "trước 1/7/2025",
    "system": "hệ thống",
    "in force since 1/7/2025": "hiệu lực từ 1/7/2025",
    "No place given.": "Chưa nhập địa bàn.",
    "“%(text)s” may be any of: %(names)s. Add the province or the official code.": (
        "“%(text)s” có thể là: %(names)s. Hãy ghi thêm tỉnh hoặc mã hành chính."
    ),
    "and %(count)d more": "và %(count)d đơn vị khác",
    "No place has the official code %(code)s.": "Không có đơn vị hành chính nào mang mã %(code)s.",
    "No place called “%(text)s”. Nearest: %(names)s.": (
        "Không có đơn vị hành chính nào tên “%(text)s”. Gần nhất: %(names)s."
    ),
    "No place called “%(text)s”.": "Không có đơn vị hành chính nào tên “%(text)s”.",
    ("place type", "centrally-run city"): "Thành phố trực thuộc trung ương",
    ("place type", "province"): "Tỉnh",
    ("place type", "urban district"): "Quận",
    ("place type", "rural district"): "Huyện",
    ("place type", "town"): "Thị xã",
    ("place type", "provincial city"): "Thành phố thuộc tỉnh",
    ("place type", "commune"): "Xã",
    ("place type", "ward"): "Phường",
    ("place type", "township"): "Thị trấn",
    ("place type", "special zone"): "Đặc khu",
    "yes": "có",
    "no": "không",
    # CMS
    "introduction": "lời giới thiệu",
    "A few sentences under the title that say what the site offers.": (
        "Vài câu dưới tiêu đề cho biết trang có những gì."
    ),
    "home page": "trang chủ",
    "home pages": "trang chủ",
    "Preventing human trafficking": "Phòng, chống mua bán người",
    "Skip to content": "Chuyển đến nội dung",
    "Languages": "Ngôn ngữ",
    "A library of materials and figures from the campaigns against human trafficking.": (
        "Thư viện tài liệu và số liệu về công tác phòng, chống mua bán người."
    ),
    "Vietnamese": "Tiếng Việt",
    "English": "Tiếng Anh",
}
