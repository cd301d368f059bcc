"""Vietnamese for running the site: backups and restores (see po_fill.py)."""

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
}
