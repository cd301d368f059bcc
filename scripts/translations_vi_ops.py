"""Vietnamese for running the site: backups, restores, error pages (see po_fill.py)."""

TRANSLATIONS = {
    "%(program)s is not installed (Debian: apt-get install postgresql-client).": (
        "Chưa cài %(program)s (Debian: apt-get install postgresql-client)."
    ),
    "%(program)s failed: %(error)s": "%(program)s bị lỗi: %(error)s",
    "No backup for the %(engine)s database engine.": "Không sao lưu được cơ sở dữ liệu loại %(engine)s.",
    "%(path)s: not a backup archive.": "%(path)s: không phải tệp sao lưu.",
    "%(path)s holds %(found)s, but this site runs on %(engine)s.": (
        "%(path)s chứa %(found)s, nhưng trang này đang chạy trên %(engine)s."
    ),
    "Refused archive member %(name)r.": "Từ chối mục %(name)r trong tệp sao lưu.",
    "%(path)s: %(engine)s database, %(count)d media files.": (
        "%(path)s: cơ sở dữ liệu %(engine)s, %(count)d tệp tải lên."
    ),
    "Back up the database and the uploaded files into one .tar.gz archive.": (
        "Sao lưu cơ sở dữ liệu và các tệp tải lên vào một tệp .tar.gz."
    ),
    "Archive to write; by default backup-YYYYMMDD-HHMMSS.tar.gz in the current folder.": (
        "Tệp sao lưu sẽ ghi; mặc định là backup-YYYYMMDD-HHMMSS.tar.gz trong thư mục hiện tại."
    ),
    "Backup written: %(report)s": "Đã sao lưu: %(report)s",
    "Replace the database and the uploaded files with those of a backup archive.": (
        "Thay cơ sở dữ liệu và các tệp tải lên bằng nội dung của một tệp sao lưu."
    ),
    "Archive written by the backup command.": "Tệp do lệnh backup tạo ra.",
    "Do not ask for confirmation.": "Không hỏi xác nhận.",
    "%(path)s: no such file.": "%(path)s: không có tệp này.",
    "Everything stored now is replaced by %(path)s. Type 'yes' to go on: ": (
        "Toàn bộ dữ liệu hiện có sẽ được thay bằng %(path)s. Gõ 'yes' để tiếp tục: "
    ),
    "Nothing was restored.": "Chưa khôi phục gì.",
    "Restored: %(report)s": "Đã khôi phục: %(report)s",
    "The site is briefly unavailable": "Trang web tạm thời gián đoạn",
    "We cannot reach our data right now. Nothing you sent is lost; this page tries again in half a minute.": (
        "Hiện chưa kết nối được tới dữ liệu. Những gì bạn đã gửi không bị mất; trang sẽ tự tải lại sau nửa phút."
    ),
    "If you need help now, call the free hotline 111 (children) or the police on 113.": (
        "Nếu cần giúp đỡ ngay, hãy gọi tổng đài miễn phí 111 (bảo vệ trẻ em) hoặc công an 113."
    ),
    "Something went wrong": "Đã có lỗi xảy ra",
    "The error has been recorded and will be looked at. Please try again later.": (
        "Lỗi đã được ghi lại và sẽ được xem xét. Vui lòng thử lại sau."
    ),
    "Back to the home page": "Về trang chủ",
    "Too many wrong passwords": "Nhập sai mật khẩu quá nhiều lần",
    "To protect this account, signing in with it from here is paused for 30 minutes after five wrong passwords.": (
        "Để bảo vệ tài khoản, sau năm lần nhập sai mật khẩu, việc đăng nhập tài khoản này từ đây tạm dừng 30 phút."
    ),
    "Try again later, or ask your administrator to reset your password.": (
        "Hãy thử lại sau, hoặc nhờ quản trị viên đặt lại mật khẩu."
    ),
    "Too many requests": "Quá nhiều yêu cầu",
    "This address has sent a great many requests in a short time. Please wait a minute and try again.": (
        "Địa chỉ này đã gửi rất nhiều yêu cầu trong thời gian ngắn. Vui lòng chờ một phút rồi thử lại."
    ),
}
