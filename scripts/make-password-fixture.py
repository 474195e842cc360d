#!/usr/bin/env python3
# Makes tests/fixtures/password.xlsx: the example ledger (examples/ledger/台账.xlsx) encrypted
# with the password "plan" (ECMA-376 agile encryption), for the test that `plan import` refuses
# a password-protected workbook with a reason. Needs `pip install msoffcrypto-tool`.
# Usage: python3 scripts/make-password-fixture.py
import io, os
import msoffcrypto.format.ooxml as ooxml

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
src = os.path.join(REPO, 'examples', 'ledger', '台账.xlsx')
out = os.path.join(REPO, 'tests', 'fixtures', 'password.xlsx')
with open(src, 'rb') as plain, open(out, 'wb') as encrypted:
    f = ooxml.OOXMLFile(plain)
    f.encrypt('plan', encrypted)
print(out)
