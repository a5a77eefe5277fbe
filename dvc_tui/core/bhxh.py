"""The simulated social-insurance (BHXH) registry: who holds a Mã số BHXH, and the phone number
on file for them.

Registration by BHXH succeeds only for a person the registry holds, with the same CMT/CCCD,
name and date of birth; the code goes to the registry's number, never to one typed on the form.
The practice people below are seeded into the store (table bhxh_registry) and listed in the
README; nothing here contacts a real system.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class InsuredPerson:
    bhxh_number: str  # 10 digits
    id_number: str
    full_name: str
    dob: date
    phone: str  # E.164


PRACTICE_INSURED = (
    # The carrier's training citizen too: after a mobile registration, "already has an account".
    InsuredPerson("0110012345", "001090012345", "Nguyễn Văn An", date(1990, 1, 1), "+84828123088"),
    InsuredPerson("0123456789", "001085067890", "Hoàng Văn Minh", date(1985, 3, 12), "+84912555666"),
    InsuredPerson("7912345678", "079192004567", "Võ Thị Hoa", date(1992, 8, 20), "+84909123456"),
    InsuredPerson("4800123456", "048301001234", "Đặng Thị Thu Trang", date(2001, 5, 5), "+84387654321"),
)
