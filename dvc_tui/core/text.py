"""The message catalogs: Vietnamese (default) and English, one key per user-visible string.

`t(key, **params)` formats the current language's text; `problem_text(problem)` turns a
core Problem (a key and parameters) into a sentence. Both catalogs must hold the same keys
(a test checks); a missing key shows itself as the key, never as a crash.
"""

from __future__ import annotations

from typing import Any

VI: dict[str, str] = {
    # the portal
    "portal.name": "CỔNG DỊCH VỤ CÔNG QUỐC GIA",
    "portal.tagline": "Kết nối, cung cấp thông tin và dịch vụ công mọi lúc, mọi nơi",
    "portal.sim": "Trình mô phỏng đăng ký và đăng nhập — không kết nối tới hệ thống thật",
    "step": "Bước {n}/{total}",
    # keys shown in the footer
    "key.back": "Quay lại",
    "key.cancel": "Hủy",
    "key.quit": "Thoát",
    "key.lang": "English",
    "key.new_captcha": "Mã mới",
    "key.sms": "Tin nhắn",
    # home
    "home.title": "Trang chủ",
    "home.register": "Đăng ký",
    "home.login": "Đăng nhập",
    "home.info": "Thông tin",
    "home.intro": "Người dân/Doanh nghiệp có thể Đăng ký/Đăng nhập tài khoản tại đây. "
    "Dùng Tab để di chuyển, Enter để chọn.",
    "home.info_later": "Trang thông tin sẽ có trong phiên bản sau.",
    # SMS pane
    "sms.title": "Tin nhắn SMS (mô phỏng)",
    "sms.empty": "Chưa có tin nhắn. Mọi tin nhắn của trình mô phỏng hiện ở đây.",
    "sms.header": "{sender} → {phone} · {time}",
    "sms.otp.register": "Ma OTP dang ky tai khoan Cong DVC quoc gia cua ban la {code}. "
    "Ma co hieu luc trong {minutes} phut.",
    "sms.otp.login": "Ma OTP dang nhap Cong DVC quoc gia cua ban la {code}. "
    "Ma co hieu luc trong {minutes} phut. Khong chia se ma nay cho bat ky ai.",
    # subject and method
    "subject.title": "Đăng ký",
    "subject.prompt": "Vui lòng chọn phương thức đăng ký",
    "subject.heading": "Chọn đối tượng đăng ký",
    "subject.citizen": "Công dân",
    "subject.business": "Doanh nghiệp",
    "subject.agency": "Cơ quan nhà nước",
    "method.title": "Chọn phương thức đăng ký",
    "method.for_subject": "Đối tượng: {subject}",
    "level.ial2": "Xác minh mức độ trung bình (IAL2)",
    "level.ial3": "Xác minh mức độ cao (IAL3)",
    "method.mobile": "Thuê bao di động",
    "method.bhxh": "Bảo hiểm xã hội",
    "method.post": "Bưu điện Việt Nam",
    "method.usb": "USB ký số",
    "method.sim": "SIM ký số",
    "method.citizens_only": "Chỉ dành cho công dân",
    "method.later": "Sẽ có trong phiên bản sau",
    "method.later_notice": "Đăng ký bằng {method} sẽ có trong phiên bản sau của trình mô phỏng. "
    "Hiện có: Thuê bao di động (công dân).",
    # the mobile form
    "form.subtitle": "Thuê bao di động (Chỉ dành cho công dân)",
    "field.cccd": "Tên đăng nhập (Số CMT/CCCD)",
    "field.cccd.ph": "Số CMT (9 số) hoặc CCCD (12 số)",
    "field.full_name": "Họ tên",
    "field.full_name.ph": "Ví dụ: Nguyễn Văn An",
    "field.dob": "Ngày sinh",
    "field.dob.ph": "dd/mm/yyyy",
    "field.phone": "Số điện thoại",
    "field.phone.ph": "Ví dụ: 0912345678",
    "field.email": "Email",
    "field.email.ph": "Không bắt buộc",
    "field.captcha": "Nhập mã xác thực",
    "field.captcha.ph": "6 ký tự",
    "captcha.new": "Đổi mã",
    "form.note_own": "* Lưu ý: Thuê bao di động dùng đăng ký tài khoản phải là thuê bao đã được "
    "đăng ký chính chủ",
    "form.submit": "ĐĂNG KÝ",
    "form.carrier": "Nhà mạng: {carrier}",
    "form.checking": "Đang kiểm tra thông tin…",
    "form.fix": "Vui lòng kiểm tra lại các trường có thông báo lỗi.",
    "form.required_mark": "*",
    # field problems
    "id.required": "Bạn phải nhập cmt/cccd.",
    "id.digits": "Số CMT/CCCD chỉ gồm chữ số.",
    "id.length": "Số CMT/CCCD phải có 9 số (CMT) hoặc 12 số (CCCD); bạn đã nhập {length} số.",
    "id.format": "Số CMT/CCCD không hợp lệ.",
    "id.province": "Mã tỉnh {code} (3 số đầu của CCCD) không tồn tại.",
    "id.century": "Chữ số thứ 4 của CCCD ({digit}: thế kỷ sinh và giới tính) không khớp với năm "
    "sinh {year}.",
    "id.year": "Chữ số thứ 5–6 của CCCD ({digits}: năm sinh) không khớp với năm sinh {year}.",
    "name.required": "Bạn phải nhập họ tên.",
    "name.letters": "Họ tên chỉ gồm chữ cái và dấu cách (ký tự không hợp lệ: {char}).",
    "name.spaces": "Họ tên chỉ dùng một dấu cách giữa các từ.",
    "name.length": "Họ tên dài từ 2 đến 100 ký tự.",
    "dob.required": "Bạn phải nhập ngày sinh.",
    "dob.format": "Ngày sinh nhập theo dạng dd/mm/yyyy, ví dụ 25/04/1990.",
    "dob.invalid": "Ngày sinh không có trên lịch.",
    "dob.future": "Ngày sinh không được ở tương lai.",
    "dob.too_old": "Năm sinh phải từ 1900 trở đi.",
    "phone.required": "Bạn phải nhập số điện thoại.",
    "phone.format": "Số điện thoại không đúng định dạng (ví dụ 0912345678 hoặc +84912345678).",
    "phone.not_vn": "Chỉ chấp nhận số điện thoại di động Việt Nam (+84).",
    "phone.invalid": "Số điện thoại không thuộc dải số của nhà mạng Việt Nam.",
    "phone.not_mobile": "Đây không phải số di động; vui lòng nhập số thuê bao di động.",
    "phone.not_owner": "Số điện thoại không chính chủ: thuê bao này không được đăng ký với số "
    "CMT/CCCD đã nhập.",
    "email.invalid": "Email không hợp lệ (ví dụ: ten@example.vn).",
    "captcha.required": "Bạn phải nhập mã xác thực.",
    "captcha.wrong": "Mã xác thực không đúng. Đã tạo mã mới, vui lòng nhập lại.",
    "account.exists": "Số CMT/CCCD này đã có tài khoản trên Cổng Dịch vụ công quốc gia.",
    "account.exists.ways": "Bạn có thể: lấy lại mật khẩu bằng chức năng “Quên mật khẩu” tại màn "
    "hình đăng nhập; đến quầy giao dịch (bộ phận một cửa) để lấy lại mật khẩu; hoặc gửi khiếu nại "
    "nếu bạn không sở hữu tài khoản này.",
    # the code screen
    "otp.title": "Xác thực mã OTP",
    "otp.sent.register": "Mã xác thực đã được gửi qua SĐT: {phone}",
    "otp.sent.login": "Mã xác thực đã được gửi qua số điện thoại: {phone}",
    "otp.field": "Nhập mã OTP",
    "otp.field.ph": "6 chữ số",
    "otp.confirm": "XÁC NHẬN",
    "otp.not_received": "Bạn chưa nhận được mã?",
    "otp.resend": "Gửi lại OTP",
    "otp.resend_in": "Gửi lại OTP ({seconds}s)",
    "otp.resent": "Đã gửi lại mã OTP tới {phone}.",
    "otp.valid_until": "Mã có hiệu lực 5 phút, đến {time}.",
    "otp.other_method": "Chọn phương thức xác thực khác",
    "otp.other_later": "Phương thức xác thực khác sẽ có trong phiên bản sau.",
    "otp.no_account": "Chưa có tài khoản? Đăng ký",
    "otp.checking": "Đang kiểm tra mã…",
    "otp.required": "Bạn phải nhập mã OTP.",
    "otp.format": "Mã OTP gồm {digits} chữ số.",
    "otp.none": "Chưa có mã nào được gửi; nhấn “Gửi lại OTP”.",
    "otp.used": "Mã OTP này đã được sử dụng; nhấn “Gửi lại OTP” để nhận mã mới.",
    "otp.voided": "Mã OTP đã bị hủy do nhập sai quá nhiều lần; nhấn “Gửi lại OTP”.",
    "otp.voided_now": "Bạn đã nhập sai {limit} lần, mã OTP đã bị hủy. Nhấn “Gửi lại OTP” để "
    "nhận mã mới.",
    "otp.expired": "Mã OTP đã hết hạn (hiệu lực 5 phút); nhấn “Gửi lại OTP”.",
    "otp.wrong": "Mã OTP không đúng. Còn {left} lần thử.",
    "otp.superseded": "Đây là mã cũ, đã được thay bằng mã gửi sau. Còn {left} lần thử.",
    "otp.cooldown": "Vui lòng chờ {seconds} giây nữa trước khi gửi lại OTP.",
    "otp.hourly_limit": "Số điện thoại này đã nhận {limit} mã trong một giờ; vui lòng thử lại sau "
    "{minutes} phút.",
    # the password screen
    "pw.title": "Đăng ký",
    "pw.rule": "* Sử dụng 8 ký tự trở lên bao gồm chữ thường, chữ in hoa, số và ký tự đặc biệt.",
    "pw.field": "Nhập mật khẩu",
    "pw.confirm": "Xác nhận mật khẩu",
    "pw.submit": "ĐĂNG KÝ",
    "pw.rule.length": "8 ký tự trở lên",
    "pw.rule.lower": "chữ thường",
    "pw.rule.upper": "chữ in hoa",
    "pw.rule.digit": "chữ số",
    "pw.rule.special": "ký tự đặc biệt",
    "pw.rule.equal": "hai mật khẩu giống nhau",
    "pw.hashing": "Đang tạo tài khoản…",
    "password.required": "Bạn phải nhập mật khẩu.",
    "password.too_long": "Mật khẩu dài tối đa {max} ký tự.",
    "password.control": "Mật khẩu không được chứa ký tự điều khiển.",
    "password.weak": "Mật khẩu còn thiếu: {rule}.",
    "password.mismatch": "Xác nhận mật khẩu không khớp với mật khẩu.",
    "register.code_needed": "Mã OTP chưa được xác nhận hoặc đã quá 15 phút; vui lòng đăng ký lại.",
    # done
    "done.title": "Đăng ký thành công",
    "done.body": "Tài khoản {username} ({name}) đã được tạo.",
    "done.level": "Mức xác minh 2 (đã được xác minh bởi nhà mạng)",
    "done.next": "Đăng nhập bằng số CMT/CCCD, mật khẩu vừa đặt và mã OTP gửi tới số điện thoại.",
    "done.to_login": "Đăng nhập ngay",
    # login
    "login.title": "Đăng nhập",
    "login.tab.cccd": "CMT/CCCD",
    "login.tab.usb": "USB ký số",
    "login.tab.sim": "SIM ký số",
    "login.username": "Tên đăng nhập",
    "login.username.ph": "Nhập CMT/CCCD",
    "login.password": "Mật khẩu",
    "login.password.ph": "Nhập mật khẩu",
    "login.submit": "ĐĂNG NHẬP",
    "login.forgot": "Quên mật khẩu",
    "login.go_register": "Chưa có tài khoản? Đăng ký",
    "login.note": "Chú ý: Trường hợp có tài khoản đã đăng ký bằng SĐT hoặc BHXH mà chưa có mật "
    "khẩu, chọn “Quên mật khẩu” và làm theo hướng dẫn.",
    "login.usb_later": "Đăng nhập bằng USB ký số sẽ có trong phiên bản sau.",
    "login.sim_later": "Đăng nhập bằng SIM ký số sẽ có trong phiên bản sau.",
    "login.forgot_later": "Chức năng “Quên mật khẩu” sẽ có trong phiên bản sau. Hiện tại, vui "
    "lòng đến quầy giao dịch (bộ phận một cửa).",
    "login.checking": "Đang kiểm tra…",
    "login.invalid": "Tên đăng nhập hoặc mật khẩu không đúng.",
    "login.username_required": "Bạn phải nhập tên đăng nhập.",
    "login.password_required": "Bạn phải nhập mật khẩu.",
    # profile
    "profile.title": "Thông tin tài khoản",
    "profile.welcome": "Xin chào, {name}",
    "profile.name": "Họ tên",
    "profile.id": "Số CMT/CCCD",
    "profile.phone": "Số điện thoại",
    "profile.email": "Email",
    "profile.dob": "Ngày sinh",
    "profile.subject": "Đối tượng",
    "profile.method": "Phương thức đăng ký",
    "profile.level": "Mức xác minh",
    "profile.created": "Ngày tạo",
    "profile.none": "(không có)",
    "profile.logout": "Đăng xuất",
    "level.2": "Mức 2 (đã được xác minh bởi nhà mạng)",
    "level.3": "Mức 3 (xác minh mức độ cao)",
    # the environment
    "secret.file_fallback": "Không dùng được kho khóa của hệ điều hành; khóa bí mật của bản cài "
    "đặt được lưu trong tệp {path} (quyền 0600).",
    "error.storage": "Không đọc/ghi được dữ liệu: {detail}",
    "error.unexpected": "Đã xảy ra lỗi không mong muốn; dữ liệu bạn đã nhập vẫn được giữ. Chi tiết: {detail}",
    "lang.switched": "Đã chuyển sang tiếng Việt.",
    # staff commands
    "cli.accounts.title": "Tài khoản ({count})",
    "cli.col.id": "CMT/CCCD",
    "cli.col.name": "Họ tên",
    "cli.col.phone": "Số điện thoại",
    "cli.col.method": "Phương thức",
    "cli.col.level": "Mức",
    "cli.col.created": "Ngày tạo",
    "cli.sms.title": "Tin nhắn SMS (mô phỏng)",
    "cli.col.time": "Thời gian",
    "cli.col.body": "Nội dung",
    "sms.otp.reset": "Ma OTP lay lai mat khau tai khoan Cong DVC quoc gia cua ban la {code}. "
    "Ma co hieu luc trong {minutes} phut. Neu ban khong yeu cau, hay bo qua tin nhan nay.",
    # -- forgot password
    # -- authenticator app
    # -- signing tokens
}

EN: dict[str, str] = {
    "portal.name": "NATIONAL PUBLIC SERVICE PORTAL",
    "portal.tagline": "Connecting, providing information and public services anytime, anywhere",
    "portal.sim": "Registration and login simulator — never connects to the real system",
    "step": "Step {n}/{total}",
    "key.back": "Back",
    "key.cancel": "Cancel",
    "key.quit": "Quit",
    "key.lang": "Tiếng Việt",
    "key.new_captcha": "New code",
    "key.sms": "Messages",
    "home.title": "Home",
    "home.register": "Register",
    "home.login": "Log in",
    "home.info": "Information",
    "home.intro": "Citizens and businesses register or log in here. "
    "Use Tab to move, Enter to choose.",
    "home.info_later": "The information page comes in a later version.",
    "sms.title": "SMS messages (simulated)",
    "sms.empty": "No messages yet. Every message of the simulator appears here.",
    "sms.header": "{sender} → {phone} · {time}",
    "sms.otp.register": "Your National Public Service Portal registration OTP is {code}. "
    "Valid for {minutes} minutes.",
    "sms.otp.login": "Your National Public Service Portal login OTP is {code}. "
    "Valid for {minutes} minutes. Do not share this code with anyone.",
    "subject.title": "Register",
    "subject.prompt": "Please choose how to register",
    "subject.heading": "Who is registering",
    "subject.citizen": "Citizen",
    "subject.business": "Business",
    "subject.agency": "State agency",
    "method.title": "Choose a registration method",
    "method.for_subject": "Registering as: {subject}",
    "level.ial2": "Medium assurance (IAL2)",
    "level.ial3": "High assurance (IAL3)",
    "method.mobile": "Mobile subscription",
    "method.bhxh": "Social insurance",
    "method.post": "Vietnam Post",
    "method.usb": "USB signing token",
    "method.sim": "Signing SIM",
    "method.citizens_only": "Citizens only",
    "method.later": "Coming in a later version",
    "method.later_notice": "Registration by {method} comes in a later version of the simulator. "
    "Available now: mobile subscription (citizens).",
    "form.subtitle": "Mobile subscription (citizens only)",
    "field.cccd": "Login name (ID card number, CMT/CCCD)",
    "field.cccd.ph": "CMT (9 digits) or CCCD (12 digits)",
    "field.full_name": "Full name",
    "field.full_name.ph": "For example: Nguyễn Văn An",
    "field.dob": "Date of birth",
    "field.dob.ph": "dd/mm/yyyy",
    "field.phone": "Mobile number",
    "field.phone.ph": "For example: 0912345678",
    "field.email": "Email",
    "field.email.ph": "Optional",
    "field.captcha": "Enter the verification code",
    "field.captcha.ph": "6 characters",
    "captcha.new": "New code",
    "form.note_own": "* Note: the mobile number used to register must be registered in your own "
    "name",
    "form.submit": "REGISTER",
    "form.carrier": "Carrier: {carrier}",
    "form.checking": "Checking your details…",
    "form.fix": "Please check the fields that show an error.",
    "form.required_mark": "*",
    "id.required": "You must enter your ID card number (CMT/CCCD).",
    "id.digits": "An ID card number has digits only.",
    "id.length": "An ID card number has 9 digits (CMT) or 12 digits (CCCD); you typed {length}.",
    "id.format": "This ID card number is not valid.",
    "id.province": "Province code {code} (the first 3 digits of a CCCD) does not exist.",
    "id.century": "The CCCD's 4th digit ({digit}: century of birth and sex) does not match the "
    "year of birth {year}.",
    "id.year": "The CCCD's 5th-6th digits ({digits}: year of birth) do not match the year of "
    "birth {year}.",
    "name.required": "You must enter your full name.",
    "name.letters": "A name has letters and spaces only (not allowed: {char}).",
    "name.spaces": "Use a single space between the words of a name.",
    "name.length": "A name is 2 to 100 characters long.",
    "dob.required": "You must enter your date of birth.",
    "dob.format": "Type the date of birth as dd/mm/yyyy, for example 25/04/1990.",
    "dob.invalid": "That date does not exist on the calendar.",
    "dob.future": "A date of birth cannot be in the future.",
    "dob.too_old": "The year of birth must be 1900 or later.",
    "phone.required": "You must enter your mobile number.",
    "phone.format": "The number's format is wrong (for example 0912345678 or +84912345678).",
    "phone.not_vn": "Only Vietnamese mobile numbers (+84) are accepted.",
    "phone.invalid": "The number is outside the Vietnamese carriers' ranges.",
    "phone.not_mobile": "This is not a mobile number; enter a mobile subscription.",
    "phone.not_owner": "The number is not in your name: this subscription is not registered to "
    "the ID number you typed.",
    "email.invalid": "The email address is not valid (for example: name@example.vn).",
    "captcha.required": "You must enter the verification code.",
    "captcha.wrong": "Wrong verification code. A new code was made; please type it.",
    "account.exists": "This ID card number already has an account on the National Public "
    "Service Portal.",
    "account.exists.ways": "You can: recover the password with “Forgot password” on the login "
    "screen; go to a service counter (one-stop shop) to recover it; or file a complaint if the "
    "account is not yours.",
    "otp.title": "OTP verification",
    "otp.sent.register": "The verification code was sent to: {phone}",
    "otp.sent.login": "The verification code was sent to the number: {phone}",
    "otp.field": "Enter the OTP",
    "otp.field.ph": "6 digits",
    "otp.confirm": "CONFIRM",
    "otp.not_received": "Did not receive the code?",
    "otp.resend": "Resend OTP",
    "otp.resend_in": "Resend OTP ({seconds}s)",
    "otp.resent": "A new OTP was sent to {phone}.",
    "otp.valid_until": "The code is valid for 5 minutes, until {time}.",
    "otp.other_method": "Choose another way to authenticate",
    "otp.other_later": "Other ways to authenticate come in a later version.",
    "otp.no_account": "No account yet? Register",
    "otp.checking": "Checking the code…",
    "otp.required": "You must enter the OTP.",
    "otp.format": "The OTP has {digits} digits.",
    "otp.none": "No code has been sent yet; press “Resend OTP”.",
    "otp.used": "This OTP was already used; press “Resend OTP” for a new one.",
    "otp.voided": "The OTP was voided after too many wrong entries; press “Resend OTP”.",
    "otp.voided_now": "You entered a wrong code {limit} times, so the OTP is void. Press “Resend "
    "OTP” for a new one.",
    "otp.expired": "The OTP has expired (valid 5 minutes); press “Resend OTP”.",
    "otp.wrong": "Wrong OTP. {left} tries left.",
    "otp.superseded": "That is an old code, replaced by the one sent after it. {left} tries left.",
    "otp.cooldown": "Please wait {seconds} more seconds before resending the OTP.",
    "otp.hourly_limit": "This number has received {limit} codes within an hour; try again in "
    "{minutes} minutes.",
    "pw.title": "Register",
    "pw.rule": "* Use 8 or more characters with lower case, upper case, a digit and a special "
    "character.",
    "pw.field": "Enter a password",
    "pw.confirm": "Confirm the password",
    "pw.submit": "REGISTER",
    "pw.rule.length": "8 or more characters",
    "pw.rule.lower": "a lower-case letter",
    "pw.rule.upper": "an upper-case letter",
    "pw.rule.digit": "a digit",
    "pw.rule.special": "a special character",
    "pw.rule.equal": "both passwords equal",
    "pw.hashing": "Creating the account…",
    "password.required": "You must enter a password.",
    "password.too_long": "A password has at most {max} characters.",
    "password.control": "A password cannot contain control characters.",
    "password.weak": "The password still needs: {rule}.",
    "password.mismatch": "The confirmation does not match the password.",
    "register.code_needed": "The OTP was not confirmed, or more than 15 minutes ago; please "
    "register again.",
    "done.title": "Registration complete",
    "done.body": "Account {username} ({name}) has been created.",
    "done.level": "Verification level 2 (verified by the carrier)",
    "done.next": "Log in with the ID card number, the password you set and the OTP sent to your "
    "phone.",
    "done.to_login": "Log in now",
    "login.title": "Log in",
    "login.tab.cccd": "CMT/CCCD",
    "login.tab.usb": "USB signing token",
    "login.tab.sim": "Signing SIM",
    "login.username": "Login name",
    "login.username.ph": "Enter your CMT/CCCD",
    "login.password": "Password",
    "login.password.ph": "Enter your password",
    "login.submit": "LOG IN",
    "login.forgot": "Forgot password",
    "login.go_register": "No account yet? Register",
    "login.note": "Note: if your account was registered by phone number or social insurance and "
    "has no password, choose “Forgot password” and follow the instructions.",
    "login.usb_later": "Login with a USB signing token comes in a later version.",
    "login.sim_later": "Login with a signing SIM comes in a later version.",
    "login.forgot_later": "“Forgot password” comes in a later version. For now, please go to a "
    "service counter (one-stop shop).",
    "login.checking": "Checking…",
    "login.invalid": "The login name or password is wrong.",
    "login.username_required": "You must enter the login name.",
    "login.password_required": "You must enter the password.",
    "profile.title": "Account",
    "profile.welcome": "Welcome, {name}",
    "profile.name": "Full name",
    "profile.id": "CMT/CCCD",
    "profile.phone": "Mobile number",
    "profile.email": "Email",
    "profile.dob": "Date of birth",
    "profile.subject": "Subject",
    "profile.method": "Registered by",
    "profile.level": "Verification level",
    "profile.created": "Created",
    "profile.none": "(none)",
    "profile.logout": "Log out",
    "level.2": "Level 2 (verified by the carrier)",
    "level.3": "Level 3 (high assurance)",
    "secret.file_fallback": "The operating system's keyring is not available; the install's "
    "secret key is kept in the file {path} (mode 0600).",
    "error.storage": "Could not read or write the data: {detail}",
    "error.unexpected": "Something unexpected went wrong; what you typed is kept. Details: {detail}",
    "lang.switched": "Switched to English.",
    "cli.accounts.title": "Accounts ({count})",
    "cli.col.id": "CMT/CCCD",
    "cli.col.name": "Full name",
    "cli.col.phone": "Mobile number",
    "cli.col.method": "Method",
    "cli.col.level": "Level",
    "cli.col.created": "Created",
    "cli.sms.title": "SMS messages (simulated)",
    "cli.col.time": "Time",
    "cli.col.body": "Text",
    "sms.otp.reset": "Your National Public Service Portal password reset OTP is {code}. "
    "Valid for {minutes} minutes. If you did not ask for it, ignore this message.",
    # -- forgot password
    # -- authenticator app
    # -- signing tokens
}

CATALOGS = {"vi": VI, "en": EN}
LANGUAGES = tuple(CATALOGS)
_current = "vi"


def set_language(lang: str) -> None:
    global _current
    if lang not in CATALOGS:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    _current = lang


def language() -> str:
    return _current


def t(key: str, **params: Any) -> str:
    template = CATALOGS[_current].get(key) or VI.get(key) or key
    if not params:
        return template
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def problem_text(problem) -> str:
    """The sentence for a core Problem; rule names inside are translated too."""
    params = dict(problem.params)
    if problem.key == "password.weak" and "rule" in params:
        params["rule"] = t(f"pw.rule.{params['rule']}")
    return t(problem.key, **params)
