<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Texts</name>
    <message>
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>This is not an electronic ID code. Please show the QR code of your electronic ID.</source>
        <translation>This is not a resident ID e-credential code. Please show the QR code of your resident ID e-credential.</translation>
    </message>
    <message>
        <source>This code is newer than this terminal supports. Please ask staff for help.</source>
        <translation>This code is newer than this terminal supports. Please ask staff for help.</translation>
    </message>
    <message>
        <source>The issuer of this credential is not known to this terminal.</source>
        <translation>The issuer of this credential is not known to this terminal.</translation>
    </message>
    <message>
        <source>The credential&apos;s signature is not valid (it may have been altered).</source>
        <translation>The credential&apos;s signature is not valid (it may have been altered).</translation>
    </message>
    <message>
        <source>This code does not come from the holder&apos;s phone (it may be a copy).</source>
        <translation>This code does not come from the holder&apos;s phone (it may be a copy).</translation>
    </message>
    <message>
        <source>This credential is not valid yet.</source>
        <translation>This credential is not valid yet.</translation>
    </message>
    <message>
        <source>This credential has expired. Please renew it in the app.</source>
        <translation>This credential has expired. Please renew it in the app.</translation>
    </message>
    <message>
        <source>This QR code has expired. Please refresh it and show it again.</source>
        <translation>This QR code has expired. Please refresh it and show it again.</translation>
    </message>
    <message>
        <source>This QR code&apos;s time is wrong. Please check the phone&apos;s clock and refresh.</source>
        <translation>This QR code&apos;s time is wrong. Please check the phone&apos;s clock and refresh.</translation>
    </message>
    <message>
        <source>This QR code has already been used.</source>
        <translation>This QR code has already been used.</translation>
    </message>
    <message>
        <source>This credential has been revoked.</source>
        <translation>This credential has been revoked.</translation>
    </message>
    <message>
        <source>This terminal&apos;s trust list is out of date. Please contact the administrator.</source>
        <translation>This terminal&apos;s trust list is out of date. Please contact the administrator.</translation>
    </message>
    <message>
        <source>This terminal&apos;s clock is wrong. Please contact the administrator.</source>
        <translation>This terminal&apos;s clock is wrong. Please contact the administrator.</translation>
    </message>
    <message>
        <source>Not verified.</source>
        <translation>Not verified.</translation>
    </message>
    <message>
        <source>Under 18: by law, minors may not enter an internet café.</source>
        <translation>Under 18: by law, minors may not enter an internet café.</translation>
    </message>
    <message>
        <source>This person may not be registered here.</source>
        <translation>This person may not be registered here.</translation>
    </message>
    <message>
        <source>Move the phone closer</source>
        <translation>Move the phone closer</translation>
    </message>
    <message>
        <source>Move the phone a little further away</source>
        <translation>Move the phone a little further away</translation>
    </message>
    <message>
        <source>Hold the phone still</source>
        <translation>Hold the phone still</translation>
    </message>
    <message>
        <source>Glare on the screen: tilt the phone slightly</source>
        <translation>Glare on the screen: tilt the phone slightly</translation>
    </message>
    <message>
        <source>Resident ID e-credential</source>
        <translation>Resident ID e-credential</translation>
    </message>
    <message>
        <source>Residence permit for Hong Kong, Macao and Taiwan residents</source>
        <translation>Residence permit for Hong Kong, Macao and Taiwan residents</translation>
    </message>
    <message>
        <source>Foreigner&apos;s permanent residence ID</source>
        <translation>Foreigner&apos;s permanent residence ID</translation>
    </message>
    <message>
        <source>Mainland travel permit</source>
        <translation>Mainland travel permit</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>Full</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Hotel</source>
        <translation>Hotel</translation>
    </message>
    <message>
        <source>Internet café</source>
        <translation>Internet café</translation>
    </message>
    <message>
        <source>Government service window</source>
        <translation>Government service window</translation>
    </message>
    <message>
        <source>Parcel counter</source>
        <translation>Parcel counter</translation>
    </message>
    <message>
        <source>Not registered: the disk is full. Please call the administrator.</source>
        <translation>Not registered: the disk is full. Please call the administrator.</translation>
    </message>
    <message>
        <source>Not registered: please fill in every field.</source>
        <translation>Not registered: please fill in every field.</translation>
    </message>
    <message>
        <source>Not registered: the registration log is unavailable. Please call the administrator.</source>
        <translation>Not registered: the registration log is unavailable. Please call the administrator.</translation>
    </message>
    <message>
        <source>Not registered: an error occurred. Please try again.</source>
        <translation>Not registered: an error occurred. Please try again.</translation>
    </message>
    <message>
        <source>Not an e-ID code</source>
        <translation>Not a resident ID e-credential code</translation>
    </message>
    <message>
        <source>Unsupported version</source>
        <translation>Unsupported version</translation>
    </message>
    <message>
        <source>Unknown issuer</source>
        <translation>Unknown issuer</translation>
    </message>
    <message>
        <source>Forged or altered</source>
        <translation>Forged or altered</translation>
    </message>
    <message>
        <source>Not from the holder&apos;s phone</source>
        <translation>Not from the holder&apos;s phone</translation>
    </message>
    <message>
        <source>Not yet valid</source>
        <translation>Not yet valid</translation>
    </message>
    <message>
        <source>Credential expired</source>
        <translation>Credential expired</translation>
    </message>
    <message>
        <source>Code expired</source>
        <translation>Code expired</translation>
    </message>
    <message>
        <source>Code time wrong</source>
        <translation>Code time wrong</translation>
    </message>
    <message>
        <source>Already used</source>
        <translation>Already used</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>Trust list out of date</source>
        <translation>Trust list out of date</translation>
    </message>
    <message>
        <source>Terminal clock wrong</source>
        <translation>Terminal clock wrong</translation>
    </message>
    <message>
        <source>QR code, camera</source>
        <translation>QR code, camera</translation>
    </message>
    <message>
        <source>Keep the phone on the reader until the result appears</source>
        <translation>Keep the phone on the reader until the result appears</translation>
    </message>
    <message>
        <source>This card cannot be read here. Please show the QR code of your electronic ID.</source>
        <translation>This card cannot be read here. Please show the QR code of your resident ID e-credential.</translation>
    </message>
    <message>
        <source>No electronic ID answered. Open the ID wallet on the phone and hold it to the reader again.</source>
        <translation>No resident ID e-credential responded. Open the e-credential app on your phone and hold the phone to the reader again.</translation>
    </message>
    <message>
        <source>The phone declined. Confirm in the ID wallet and hold it to the reader again.</source>
        <translation>The phone declined the request. Confirm in the e-credential app and hold the phone to the reader again.</translation>
    </message>
    <message>
        <source>The reader could not read it. Please hold the phone to the reader again.</source>
        <translation>The reader could not read it. Please hold the phone to the reader again.</translation>
    </message>
    <message>
        <source>Phone, NFC tap</source>
        <translation>Phone, NFC tap</translation>
    </message>
    <message>
        <source>QR code, scanner</source>
        <translation>QR code, scanner</translation>
    </message>
    <message>
        <source>The document&apos;s chip data is not signed correctly (it may have been altered).</source>
        <translation>The document&apos;s chip data is not signed correctly (it may have been altered).</translation>
    </message>
    <message>
        <source>The document&apos;s issuing country is not in this terminal&apos;s trust list.</source>
        <translation>The document&apos;s issuing country is not in this terminal&apos;s trust list.</translation>
    </message>
    <message>
        <source>The certificate that signed this document has expired or is not yet valid.</source>
        <translation>The certificate that signed this document has expired or is not yet valid.</translation>
    </message>
    <message>
        <source>The certificate that signed this document is not valid.</source>
        <translation>The certificate that signed this document is not valid.</translation>
    </message>
    <message>
        <source>The chip&apos;s data does not match its signature (it may have been altered).</source>
        <translation>The chip&apos;s data does not match its signature (it may have been altered).</translation>
    </message>
    <message>
        <source>The document&apos;s chip data could not be understood. Please check the document by hand.</source>
        <translation>The document&apos;s chip data could not be understood. Please check the document by hand.</translation>
    </message>
    <message>
        <source>This document has expired.</source>
        <translation>This document has expired.</translation>
    </message>
    <message>
        <source>The certificate that signed this document has been revoked.</source>
        <translation>The certificate that signed this document has been revoked.</translation>
    </message>
    <message>
        <source>Chip signature invalid</source>
        <translation>Chip signature invalid</translation>
    </message>
    <message>
        <source>Unknown issuing country</source>
        <translation>Unknown issuing country</translation>
    </message>
    <message>
        <source>Signer certificate expired</source>
        <translation>Signer certificate expired</translation>
    </message>
    <message>
        <source>Signer certificate invalid</source>
        <translation>Signer certificate invalid</translation>
    </message>
    <message>
        <source>Chip data altered</source>
        <translation>Chip data altered</translation>
    </message>
    <message>
        <source>Document chip (NFC)</source>
        <translation>Document chip (NFC)</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Passport</translation>
    </message>
    <message>
        <source>Travel document</source>
        <translation>Travel document</translation>
    </message>
    <message>
        <source>Unspecified</source>
        <translation>Unspecified</translation>
    </message>
    <message>
        <source>The document number must be letters and digits only.</source>
        <translation>The document number must be letters and digits only.</translation>
    </message>
    <message>
        <source>The date of birth must be six digits YYMMDD and a real date.</source>
        <translation>The date of birth must be six digits YYMMDD and a real date.</translation>
    </message>
    <message>
        <source>The date of expiry must be six digits YYMMDD and a real date.</source>
        <translation>The date of expiry must be six digits YYMMDD and a real date.</translation>
    </message>
    <message>
        <source>The document number does not match its check digit: please read it again.</source>
        <translation>The document number does not match its check digit: please read it again.</translation>
    </message>
    <message>
        <source>The date of birth does not match its check digit: please read it again.</source>
        <translation>The date of birth does not match its check digit: please read it again.</translation>
    </message>
    <message>
        <source>The date of expiry does not match its check digit: please read it again.</source>
        <translation>The date of expiry does not match its check digit: please read it again.</translation>
    </message>
    <message>
        <source>The machine-readable zone does not add up (check digit): please scan it again.</source>
        <translation>The machine-readable zone does not add up (check digit): please scan it again.</translation>
    </message>
    <message>
        <source>This is not a machine-readable zone of two or three lines.</source>
        <translation>This is not a machine-readable zone of two or three lines.</translation>
    </message>
    <message>
        <source>The chip did not accept these details. Check the document number and both dates.</source>
        <translation>The chip did not accept these details. Check the document number and both dates.</translation>
    </message>
    <message>
        <source>The document was moved away. Place it on the reader again and keep it still.</source>
        <translation>The document was moved away. Place it on the reader again and keep it still.</translation>
    </message>
    <message>
        <source>This is not a passport chip. Place the document&apos;s chip (in the cover or the card) on the reader.</source>
        <translation>This is not a passport chip. Place the document&apos;s chip (in the cover or the card) on the reader.</translation>
    </message>
    <message>
        <source>No document was read. Place it on the reader and try again.</source>
        <translation>No document was read. Place it on the reader and try again.</translation>
    </message>
    <message>
        <source>The reader is not working. Please ask staff for help.</source>
        <translation>The reader is not working. Please ask staff for help.</translation>
    </message>
    <message>
        <source>Photo format not supported</source>
        <translation>Photo format not supported</translation>
    </message>
    <message>
        <source>The photo on the chip could not be decoded</source>
        <translation>The photo on the chip could not be decoded</translation>
    </message>
    <message>
        <source>Visa-free entry</source>
        <translation>Visa-free entry</translation>
    </message>
    <message>
        <source>Residence permit</source>
        <translation>Residence permit</translation>
    </message>
    <message>
        <source>Port visa</source>
        <translation>Port visa</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Visa %1</source>
        <translation>Visa %1</translation>
    </message>
    <message>
        <source>The chip failed its anti-copying check: it may be a cloned chip.</source>
        <translation>The chip failed its anti-copying check: it may be a cloned chip.</translation>
    </message>
    <message>
        <source>Cloned chip?</source>
        <translation>Cloned chip?</translation>
    </message>
    <message>
        <source>Already checked in (room %1). To register anyway, give a reason.</source>
        <translation>Already checked in (room %1). To register anyway, give a reason.</translation>
    </message>
    <message>
        <source>Not registered: this guest already holds an open stay.</source>
        <translation>Not registered: this guest is already checked in.</translation>
    </message>
    <message>
        <source>Not registered: the check is too old. Please show the code again.</source>
        <translation>Not registered: the check has expired. Please show the code again.</translation>
    </message>
    <message>
        <source>Not registered: the clerk on duty (staff settings) and a reason are needed to register anyway.</source>
        <translation>Not registered: the clerk on duty (staff settings) and a reason are needed to register anyway.</translation>
    </message>
    <message>
        <source>This ID card did not pass the card reader&apos;s authentication.</source>
        <translation>This ID card did not pass the card reader&apos;s authentication.</translation>
    </message>
    <message>
        <source>This card&apos;s data contradicts itself (number, birth date or sex). Please check the card by hand and ask staff.</source>
        <translation>This card&apos;s data contradicts itself (number, birth date or sex). Please check the card by hand and ask staff.</translation>
    </message>
    <message>
        <source>This ID card has expired.</source>
        <translation>This ID card has expired.</translation>
    </message>
    <message>
        <source>The card reader returned data that is not a card&apos;s. Please place the card again.</source>
        <translation>The card reader returned data that is not a card&apos;s. Please place the card again.</translation>
    </message>
    <message>
        <source>Card not authenticated</source>
        <translation>Card not authenticated</translation>
    </message>
    <message>
        <source>Card data inconsistent</source>
        <translation>Card data inconsistent</translation>
    </message>
    <message>
        <source>Card expired</source>
        <translation>Card expired</translation>
    </message>
    <message>
        <source>ID card, card reader</source>
        <translation>ID card, card reader</translation>
    </message>
    <message>
        <source>Please place the ID card on the ID card reader.</source>
        <translation>Please place the ID card on the ID card reader.</translation>
    </message>
    <message>
        <source>Place the ID card on the card reader again and keep it still.</source>
        <translation>Place the ID card on the card reader again and keep it still.</translation>
    </message>
    <message>
        <source>This card could not be read. Please ask staff for help.</source>
        <translation>This card could not be read. Please ask staff for help.</translation>
    </message>
    <message>
        <source>The ID card reader is not working. Please ask staff for help.</source>
        <translation>The ID card reader is not working. Please ask staff for help.</translation>
    </message>
    <message>
        <source>The ID card photo could not be decoded</source>
        <translation>The ID card photo could not be decoded</translation>
    </message>
    <message>
        <source>Resident ID card</source>
        <translation>Resident ID card</translation>
    </message>
    <message>
        <source>Permanent residence</source>
        <translation>Permanent residence</translation>
    </message>
    <message>
        <source>Permanent residence card</source>
        <translation>Permanent residence card</translation>
    </message>
    <message>
        <source>Photo: reader vendor&apos;s decoder needed</source>
        <translation>Photo: reader vendor&apos;s decoder needed</translation>
    </message>
    <message>
        <source>Not registered: the face check did not confirm the guest. The clerk on duty (staff settings) compares the document photo with the guest and gives a reason.</source>
        <translation>Not registered: the face check did not confirm the guest. The clerk on duty (staff settings) compares the document photo with the guest and gives a reason.</translation>
    </message>
    <message>
        <source>Not saved: this registration cannot be voided or corrected.</source>
        <translation>Not saved: this registration cannot be voided or corrected.</translation>
    </message>
    <message>
        <source>You are already checked in here. Please ask at the desk.</source>
        <translation>You are already checked in here. Please ask at the desk.</translation>
    </message>
    <message>
        <source>Not registered: under 18</source>
        <translation>Not registered: under 18</translation>
    </message>
    <message>
        <source>Not registered: already checked in</source>
        <translation>Not registered: already checked in</translation>
    </message>
    <message>
        <source>Not registered here</source>
        <translation>Not registered here</translation>
    </message>
    <message>
        <source>Please ask at the desk</source>
        <translation>Please ask at the desk</translation>
    </message>
    <message>
        <source>Hold the phone to the reader again</source>
        <translation>Hold the phone to the reader again</translation>
    </message>
    <message>
        <source>Hold it to the camera</source>
        <translation>Hold it to the camera</translation>
    </message>
    <message>
        <source>Open the app</source>
        <translation>Open the app</translation>
    </message>
    <message>
        <source>Confirm in the app</source>
        <translation>Confirm in the app</translation>
    </message>
    <message>
        <source>Refresh the code</source>
        <translation>Refresh the code</translation>
    </message>
    <message>
        <source>Open the e-ID app</source>
        <translation>Open the e-credential app</translation>
    </message>
    <message>
        <source>Show your ID code</source>
        <translation>Show the QR code</translation>
    </message>
    <message>
        <source>Renew it in the app</source>
        <translation>Renew it in the app</translation>
    </message>
    <message>
        <source>Please ask staff for help</source>
        <translation>Please ask staff for help</translation>
    </message>
    <message>
        <source>Staff: the guest is under 18 — by law no entry to an internet café. Nothing was registered.</source>
        <translation>Staff: the guest is under 18 — by law no entry to an internet café. Nothing was registered.</translation>
    </message>
    <message>
        <source>Staff: already checked in, room %1. Record the check-out first, or void a mistaken registration in staff mode.</source>
        <translation>Staff: already checked in, room %1. Record the check-out first, or void a mistaken registration in staff mode.</translation>
    </message>
    <message>
        <source>Staff: this person may not be registered at this venue.</source>
        <translation>Staff: this person may not be registered at this venue.</translation>
    </message>
    <message>
        <source>Staff: the code itself cannot be used — a fresh one from the guest&apos;s app is needed.</source>
        <translation>Staff: the code itself cannot be used — a fresh one from the guest&apos;s app is needed.</translation>
    </message>
    <message>
        <source>Staff: the document is not valid today — another valid document is needed.</source>
        <translation>Staff: the document is not valid today — another valid document is needed.</translation>
    </message>
    <message>
        <source>Staff: possibly forged or altered — check the document by hand. The attempt is logged.</source>
        <translation>Staff: possibly forged or altered — check the document by hand. The attempt is logged.</translation>
    </message>
    <message>
        <source>Staff: the terminal needs maintenance (trust list or clock): see staff mode.</source>
        <translation>Staff: the terminal needs maintenance (trust list or clock): see staff mode.</translation>
    </message>
    <message>
        <source>Chinese citizen of foreign origin</source>
        <translation>Chinese citizen of foreign origin</translation>
    </message>
    <message>
        <source>The chip could not be read. Place the document on the reader again.</source>
        <translation>The chip could not be read. Place the document on the reader again.</translation>
    </message>
</context>
<context>
    <name>lz::CameraFeed</name>
    <message>
        <source>the video ended</source>
        <translation>the video ended</translation>
    </message>
</context>
<context>
    <name>lz::EnrolmentDesk</name>
    <message>
        <source>The staff PIN is saved.</source>
        <translation>The staff PIN is saved.</translation>
    </message>
    <message>
        <source>The venue is saved.</source>
        <translation>The venue is saved.</translation>
    </message>
    <message>
        <source>The terminal ID is saved.</source>
        <translation>The terminal ID is saved.</translation>
    </message>
    <message>
        <source>The trust list is installed.</source>
        <translation>The trust list is installed.</translation>
    </message>
    <message>
        <source>The self-test will fetch the trust list from the gateway.</source>
        <translation>The self-test will fetch the trust list from the gateway.</translation>
    </message>
    <message>
        <source>The key is made and the request written.</source>
        <translation>The key is made and the request written.</translation>
    </message>
    <message>
        <source>The certificate is imported.</source>
        <translation>The certificate is imported.</translation>
    </message>
    <message>
        <source>Self-test running…</source>
        <translation>Self-test running…</translation>
    </message>
    <message>
        <source>Self-test passed.</source>
        <translation>Self-test passed.</translation>
    </message>
    <message>
        <source>Self-test not passed.</source>
        <translation>Self-test not passed.</translation>
    </message>
    <message>
        <source>The PIN must be 4 to 12 digits.</source>
        <translation>The PIN must be 4 to 12 digits.</translation>
    </message>
    <message>
        <source>Choose the venue type and type the venue code from the police&apos;s registration letter.</source>
        <translation>Choose the venue type and type the venue code from the police's registration letter.</translation>
    </message>
    <message>
        <source>The terminal ID is 1 to 64 letters, digits, dots, dashes or underscores.</source>
        <translation>The terminal ID is 1 to 64 letters, digits, dots, dashes or underscores.</translation>
    </message>
    <message>
        <source>No USB stick there. Insert the supplier&apos;s stick, wait a moment and press Refresh.</source>
        <translation>No USB stick there. Insert the supplier's stick, wait a moment and press Refresh.</translation>
    </message>
    <message>
        <source>The trust list on the stick could not be installed.</source>
        <translation>The trust list on the stick could not be installed.</translation>
    </message>
    <message>
        <source>The gateway address must start with https://</source>
        <translation>The gateway address must start with https://</translation>
    </message>
    <message>
        <source>gateway-ca.pem on the stick is not a certificate.</source>
        <translation>gateway-ca.pem on the stick is not a certificate.</translation>
    </message>
    <message>
        <source>The key and request could not be made.</source>
        <translation>The key and request could not be made.</translation>
    </message>
    <message>
        <source>This certificate cannot be used for this terminal.</source>
        <translation>This certificate cannot be used for this terminal.</translation>
    </message>
    <message>
        <source>The disk is full: nothing was changed.</source>
        <translation>The disk is full: nothing was changed.</translation>
    </message>
    <message>
        <source>The step failed.</source>
        <translation>The step failed.</translation>
    </message>
</context>
<context>
    <name>lz::Kiosk</name>
    <message>
        <source>Settings saved.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <source>Camera: OK, %1 frames/s (%2)</source>
        <translation>Camera: OK, %1 frames/s (%2)</translation>
    </message>
    <message>
        <source>Camera: FAILED (%1)</source>
        <translation>Camera: FAILED (%1)</translation>
    </message>
    <message>
        <source>Serial scanner: OK (%1)</source>
        <translation>Serial scanner: OK (%1)</translation>
    </message>
    <message>
        <source>Serial scanner: FAILED (%1)</source>
        <translation>Serial scanner: FAILED (%1)</translation>
    </message>
    <message>
        <source>Serial scanner: not configured</source>
        <translation>Serial scanner: not configured</translation>
    </message>
    <message>
        <source>Keyboard scanner: listening (scan any code to test)</source>
        <translation>Keyboard scanner: listening (scan any code to test)</translation>
    </message>
    <message>
        <source>Registration log: OK</source>
        <translation>Registration log: OK</translation>
    </message>
    <message>
        <source>Registration log: FAILED (%1)</source>
        <translation>Registration log: FAILED (%1)</translation>
    </message>
    <message>
        <source>NFC reader: OK (%1)</source>
        <translation>NFC reader: OK (%1)</translation>
    </message>
    <message>
        <source>NFC reader: FAILED (%1)</source>
        <translation>NFC reader: FAILED (%1)</translation>
    </message>
    <message>
        <source>NFC reader: not configured</source>
        <translation>NFC reader: not configured</translation>
    </message>
    <message>
        <source>ID card reader: OK (%1)</source>
        <translation>ID card reader: OK (%1)</translation>
    </message>
    <message>
        <source>ID card reader: FAILED (%1)</source>
        <translation>ID card reader: FAILED (%1)</translation>
    </message>
    <message>
        <source>ID card photos: the card reader vendor&apos;s decoder library is needed (not configured)</source>
        <translation>ID card photos: the card reader vendor&apos;s decoder library is needed (not configured)</translation>
    </message>
    <message>
        <source>ID card reader: not configured</source>
        <translation>ID card reader: not configured</translation>
    </message>
    <message>
        <source>No USB stick found. Insert one, wait a moment and try again.</source>
        <translation>No USB stick found. Insert one, wait a moment and try again.</translation>
    </message>
    <message>
        <source>Backing up to %1…</source>
        <translation>Backing up to %1…</translation>
    </message>
</context>
<context>
    <name>lz::KioskBackend</name>
    <message>
        <source>The registration log is unavailable.</source>
        <translation>The registration log is unavailable.</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n records (masked) to %1</source>
        <translation>
            <numerusform>Exported %n record (masked) to %1</numerusform>
            <numerusform>Exported %n records (masked) to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No gateway is configured.</source>
        <translation>No gateway is configured.</translation>
    </message>
    <message>
        <source>This guest has no open stay (checked out already).</source>
        <translation>This guest is not checked in (already checked out).</translation>
    </message>
    <message>
        <source>Check-out failed: %1</source>
        <translation>Check-out failed: %1</translation>
    </message>
    <message>
        <source>Check-out recorded: room %1.</source>
        <translation>Check-out recorded: room %1.</translation>
    </message>
    <message>
        <source>Export failed: the disk is full. Free some space or choose another place.</source>
        <translation>Export failed: the disk is full. Free some space or choose another place.</translation>
    </message>
    <message>
        <source>Registration voided: the void is recorded and forwarded.</source>
        <translation>Registration voided: the void is recorded and forwarded.</translation>
    </message>
    <message>
        <source>Registration corrected: the correction is recorded and forwarded.</source>
        <translation>Registration corrected: the correction is recorded and forwarded.</translation>
    </message>
    <message>
        <source>This registration was voided already.</source>
        <translation>This registration was voided already.</translation>
    </message>
    <message>
        <source>The clerk on duty (staff settings) and a reason are needed.</source>
        <translation>The clerk on duty (staff settings) and a reason are needed.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Only a registration of the last %1 days can be voided or corrected.</source>
        <translation>Only a registration of the last %1 days can be voided or corrected.</translation>
    </message>
    <message>
        <source>Not registered: already checked in (room %1).</source>
        <translation>Not registered: already checked in (room %1).</translation>
    </message>
    <message>
        <source>Not registered: check the document&apos;s kind, number, name, sex and birth date.</source>
        <translation>Not registered: check the document&apos;s kind, number, name, sex and birth date.</translation>
    </message>
    <message>
        <source>Not registered: your staff number and a reason are needed.</source>
        <translation>Not registered: your staff number and a reason are needed.</translation>
    </message>
    <message>
        <source>Registered by hand, marked as not verified; forwarded like every record.</source>
        <translation>Registered by hand, marked as not verified; forwarded like every record.</translation>
    </message>
    <message>
        <source>This record cannot be voided or corrected.</source>
        <translation>This record cannot be voided or corrected.</translation>
    </message>
    <message>
        <source>Backup failed: the terminal is not open (%1).</source>
        <translation>Backup failed: the terminal is not open (%1).</translation>
    </message>
    <message>
        <source>Backup is not set up on this terminal: no escrow certificate ([backup] escrow_cert). Ask the supplier.</source>
        <translation>Backup is not set up on this terminal: no escrow certificate ([backup] escrow_cert). Ask the supplier.</translation>
    </message>
    <message>
        <source>Backup failed: the escrow certificate cannot be read (%1).</source>
        <translation>Backup failed: the escrow certificate cannot be read (%1).</translation>
    </message>
    <message>
        <source>Backup failed: the stick is full. Nothing on this terminal changed.</source>
        <translation>Backup failed: the stick is full. Nothing on this terminal changed.</translation>
    </message>
    <message>
        <source>Backup failed: %1</source>
        <translation>Backup failed: %1</translation>
    </message>
    <message numerus="yes">
        <source>Backup written to %1: %n records, %2 not yet forwarded. Keep the stick safe; only the escrow holder can open its keys.</source>
        <translation>
            <numerusform>Backup written to %1: %n record, %2 not yet forwarded. Keep the stick safe; only the escrow holder can open its keys.</numerusform>
            <numerusform>Backup written to %1: %n records, %2 not yet forwarded. Keep the stick safe; only the escrow holder can open its keys.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lz::ui::EnrolmentScreen</name>
    <message>
        <source>The two PINs differ. Type the new PIN twice.</source>
        <translation>The two PINs differ. Type the new PIN twice.</translation>
    </message>
    <message>
        <source>Terminal ID</source>
        <translation>Terminal ID</translation>
    </message>
    <message>
        <source>Trust list</source>
        <translation>Trust list</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>Clock</translation>
    </message>
    <message>
        <source>Registration log</source>
        <translation>Registration log</translation>
    </message>
    <message>
        <source>Police gateway (one sync round)</source>
        <translation>Police gateway (one sync round)</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>ID card reader</source>
        <translation>ID card reader</translation>
    </message>
    <message>
        <source>Code scanner</source>
        <translation>Code scanner</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Configuration</translation>
    </message>
    <message>
        <source>Terminal state</source>
        <translation>Terminal state</translation>
    </message>
    <message>
        <source>Enrol this terminal</source>
        <translation>Enrol this terminal</translation>
    </message>
    <message>
        <source>USB stick:</source>
        <translation>USB stick:</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>The staff PIN is set. To change it, type a new one twice.</source>
        <translation>The staff PIN is set. To change it, type a new one twice.</translation>
    </message>
    <message>
        <source>Choose the administrator PIN (4 to 12 digits). Staff mode, enrolment and settings are behind it.</source>
        <translation>Choose the administrator PIN (4 to 12 digits). Staff mode, enrolment and settings are behind it.</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>New PIN</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>New PIN again</translation>
    </message>
    <message>
        <source>Save PIN</source>
        <translation>Save PIN</translation>
    </message>
    <message>
        <source>From the police&apos;s registration letter for this venue.</source>
        <translation>From the police&apos;s registration letter for this venue.</translation>
    </message>
    <message>
        <source>Venue type</source>
        <translation>Venue type</translation>
    </message>
    <message>
        <source>Venue code</source>
        <translation>Venue code</translation>
    </message>
    <message>
        <source>Venue name</source>
        <translation>Venue name</translation>
    </message>
    <message>
        <source>Save venue</source>
        <translation>Save venue</translation>
    </message>
    <message>
        <source>The number the supplier gave this terminal (letters, digits, . _ -). The police&apos;s certificate is made out to it.</source>
        <translation>The number the supplier gave this terminal (letters, digits, . _ -). The police&apos;s certificate is made out to it.</translation>
    </message>
    <message>
        <source>Save terminal ID</source>
        <translation>Save terminal ID</translation>
    </message>
    <message>
        <source>The trust list says whose credentials this terminal accepts. The supplier&apos;s stick holds trust-list.cose and, for a new roll-out, the anchor key anchor-….pub.pem.</source>
        <translation>The trust list says whose credentials this terminal accepts. The supplier&apos;s stick holds trust-list.cose and, for a new roll-out, the anchor key anchor-….pub.pem.</translation>
    </message>
    <message>
        <source>Import the trust list from the stick</source>
        <translation>Import the trust list from the stick</translation>
    </message>
    <message>
        <source>Fetch it from the gateway at the self-test</source>
        <translation>Fetch it from the gateway at the self-test</translation>
    </message>
    <message>
        <source>Trust list %1 installed.</source>
        <translation>Trust list %1 installed.</translation>
    </message>
    <message>
        <source>Compare the anchor&apos;s fingerprint with the supplier&apos;s letter:</source>
        <translation>Compare the anchor&apos;s fingerprint with the supplier&apos;s letter:</translation>
    </message>
    <message>
        <source>The self-test will fetch the trust list from the gateway.</source>
        <translation>The self-test will fetch the trust list from the gateway.</translation>
    </message>
    <message>
        <source>The police gateway&apos;s address, and its CA certificate gateway-ca.pem on the stick. This terminal makes its own key here and writes a certificate request for the police&apos;s terminal CA to the stick; it is also shown as a QR code.</source>
        <translation>The police gateway&apos;s address, and its CA certificate gateway-ca.pem on the stick. This terminal makes its own key here and writes a certificate request for the police&apos;s terminal CA to the stick; it is also shown as a QR code.</translation>
    </message>
    <message>
        <source>Gateway address</source>
        <translation>Gateway address</translation>
    </message>
    <message>
        <source>Make the key and the request</source>
        <translation>Make the key and the request</translation>
    </message>
    <message>
        <source>Send it to the police&apos;s terminal CA; the supplier may scan the QR code. Import the certificate that comes back in the next step.</source>
        <translation>Send it to the police&apos;s terminal CA; the supplier may scan the QR code. Import the certificate that comes back in the next step.</translation>
    </message>
    <message>
        <source>The certificate the police&apos;s terminal CA signed for this terminal&apos;s request, on the stick.</source>
        <translation>The certificate the police&apos;s terminal CA signed for this terminal&apos;s request, on the stick.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Import the certificate</source>
        <translation>Import the certificate</translation>
    </message>
    <message>
        <source>Certificate for %1, valid until %2.
SHA-256: %3</source>
        <translation>Certificate for %1, valid until %2.
SHA-256: %3</translation>
    </message>
    <message>
        <source>Checks the clock, the registration log, the gateway (one real sync round), the trust list, the camera and the readers. When all pass, the terminal starts.</source>
        <translation>Checks the clock, the registration log, the gateway (one real sync round), the trust list, the camera and the readers. When all pass, the terminal starts.</translation>
    </message>
    <message>
        <source>Run the self-test</source>
        <translation>Run the self-test</translation>
    </message>
    <message>
        <source>Enrolment is complete. The terminal starts now.</source>
        <translation>Enrolment is complete. The terminal starts now.</translation>
    </message>
    <message>
        <source>Not passed: put right what is marked ✗ and run it again.</source>
        <translation>Not passed: put right what is marked ✗ and run it again.</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>opened</translation>
    </message>
    <message>
        <source>a sync round succeeded</source>
        <translation>a sync round succeeded</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>not configured</translation>
    </message>
    <message>
        <source>none configured</source>
        <translation>none configured</translation>
    </message>
    <message>
        <source>found automatically</source>
        <translation>found automatically</translation>
    </message>
    <message>
        <source>none installed</source>
        <translation>none installed</translation>
    </message>
    <message>
        <source>none installed: the gateway did not provide one</source>
        <translation>none installed: the gateway did not provide one</translation>
    </message>
    <message>
        <source>list %1, issued %2 s ago</source>
        <translation>list %1, issued %2 s ago</translation>
    </message>
    <message>
        <source>The request made earlier (kept on this terminal).</source>
        <translation>The request made earlier (kept on this terminal).</translation>
    </message>
    <message>
        <source>The request was written to the stick as %1.</source>
        <translation>The request was written to the stick as %1.</translation>
    </message>
</context>
<context>
    <name>lz::ui::FacePanel</name>
    <message>
        <source>Clerk compared the document photo with the guest: they match</source>
        <translation>Clerk compared the document photo with the guest: they match</translation>
    </message>
    <message>
        <source>Please look at the camera.</source>
        <translation>Please look at the camera.</translation>
    </message>
    <message>
        <source>We cannot see your face: please face the camera.</source>
        <translation>We cannot see your face: please face the camera.</translation>
    </message>
    <message>
        <source>Slowly turn your head to your left.</source>
        <translation>Slowly turn your head to your left.</translation>
    </message>
    <message>
        <source>Slowly turn your head to your right.</source>
        <translation>Slowly turn your head to your right.</translation>
    </message>
    <message>
        <source>Please blink.</source>
        <translation>Please blink.</translation>
    </message>
    <message>
        <source>No face found in the document photo. The clerk checks the photo.</source>
        <translation>No face found in the document photo. The clerk checks the photo.</translation>
    </message>
    <message>
        <source>The camera is not available. The clerk checks the photo.</source>
        <translation>The camera is not available. The clerk checks the photo.</translation>
    </message>
    <message>
        <source>The face check is not available. The clerk checks the photo.</source>
        <translation>The face check is not available. The clerk checks the photo.</translation>
    </message>
    <message>
        <source>The live check was not passed. The clerk checks the photo.</source>
        <translation>The live check was not passed. The clerk checks the photo.</translation>
    </message>
    <message>
        <source>Same person</source>
        <translation>Same person</translation>
    </message>
    <message>
        <source>Not the same person. The clerk checks the photo.</source>
        <translation>Not the same person. The clerk checks the photo.</translation>
    </message>
    <message>
        <source>Cannot tell. The clerk checks the photo.</source>
        <translation>Cannot tell. The clerk checks the photo.</translation>
    </message>
    <message>
        <source>This document carries no photo (a QR code cannot), so there is no face check.</source>
        <translation>This document carries no photo (a QR code cannot), so there is no face check.</translation>
    </message>
    <message>
        <source>The photo from the phone is not the one the issuer signed: not used.</source>
        <translation>The photo from the phone is not the one the issuer signed: not used.</translation>
    </message>
    <message>
        <source>The face check is not available on this terminal (models not installed).</source>
        <translation>The face check is not available on this terminal (models not installed).</translation>
    </message>
    <message>
        <source>The photo could not be read from the phone: no face check.</source>
        <translation>The photo could not be read from the phone: no face check.</translation>
    </message>
    <message>
        <source>No usable document photo: no face check.</source>
        <translation>No usable document photo: no face check.</translation>
    </message>
    <message>
        <source>Face check</source>
        <translation>Face check</translation>
    </message>
    <message>
        <source>Clerk: compared the photo with the guest because…</source>
        <translation>Clerk: compared the photo with the guest because…</translation>
    </message>
    <message>
        <source>Photo matches the guest</source>
        <translation>Photo matches the guest</translation>
    </message>
    <message>
        <source>Optional: the camera compares you with the document photo. No picture of your face is kept. If you prefer, the clerk checks the document instead.</source>
        <translation>Optional: the camera compares you with the document photo. No picture of your face is kept. If you prefer, the clerk checks the document instead.</translation>
    </message>
    <message>
        <source>No face check. The clerk checks the document photo.</source>
        <translation>No face check. The clerk checks the document photo.</translation>
    </message>
    <message>
        <source>For the clerk: distance %1 (same person below %2, not the same from %3), model %4</source>
        <translation>For the clerk: distance %1 (same person below %2, different person at %3 or above), model %4</translation>
    </message>
    <message>
        <source>For the clerk: the head turned the other way.</source>
        <translation>For the clerk: the head turned the other way.</translation>
    </message>
    <message>
        <source>For the clerk: the face in the picture changed suddenly (a picture swapped?).</source>
        <translation>For the clerk: the face in the picture changed suddenly (a picture swapped?).</translation>
    </message>
    <message>
        <source>For the clerk: the asked movement was not seen in time (a still picture?).</source>
        <translation>For the clerk: the requested movement was not seen in time (a still photo?).</translation>
    </message>
    <message>
        <source>I agree</source>
        <translation>I agree</translation>
    </message>
    <message>
        <source>No thanks</source>
        <translation>No thanks</translation>
    </message>
</context>
<context>
    <name>lz::ui::KioskWindow</name>
    <message>
        <source>Liangzheng verification terminal</source>
        <translation>Liangzheng verification terminal</translation>
    </message>
    <message>
        <source>Camera unavailable. Please ask staff for help.</source>
        <translation>Camera unavailable. Please ask staff for help.</translation>
    </message>
</context>
<context>
    <name>lz::ui::NotEnrolledScreen</name>
    <message>
        <source>Staff PIN</source>
        <translation>Staff PIN</translation>
    </message>
    <message>
        <source>Venue: type and code</source>
        <translation>Venue: type and code</translation>
    </message>
    <message>
        <source>Terminal ID</source>
        <translation>Terminal ID</translation>
    </message>
    <message>
        <source>Trust list</source>
        <translation>Trust list</translation>
    </message>
    <message>
        <source>Police gateway and this terminal&apos;s key</source>
        <translation>Police gateway and this terminal&apos;s key</translation>
    </message>
    <message>
        <source>This terminal&apos;s certificate</source>
        <translation>This terminal&apos;s certificate</translation>
    </message>
    <message>
        <source>Self-test: camera, readers, clock, gateway</source>
        <translation>Self-test: camera, readers, clock, gateway</translation>
    </message>
    <message>
        <source>This terminal is not enrolled yet</source>
        <translation>This terminal is not enrolled yet</translation>
    </message>
    <message>
        <source>It verifies no one until enrolment is complete. Guests: please go to the desk.</source>
        <translation>It verifies no one until enrolment is complete. Guests: please go to the desk.</translation>
    </message>
    <message>
        <source>Staff: enrol it here, or with the command liangzheng-cli enrol (man liangzheng-cli). This screen changes by itself when the terminal is ready.</source>
        <translation>Staff: enrol it here, or with the command liangzheng-cli enrol (man liangzheng-cli). This screen changes by itself when the terminal is ready.</translation>
    </message>
    <message>
        <source>Staff: enrol this terminal</source>
        <translation>Staff: enrol this terminal</translation>
    </message>
</context>
<context>
    <name>lz::ui::PassportScreen</name>
    <message>
        <source>Passport or travel permit</source>
        <translation>Passport or travel permit</translation>
    </message>
    <message>
        <source>Type the document number, date of birth and date of expiry as printed in the machine-readable zone, or scan the zone&apos;s lines. The chip opens only with them.</source>
        <translation>Type the document number, date of birth and date of expiry as printed in the machine-readable zone, or scan the zone&apos;s lines. The chip opens only with them.</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>Date of birth (YYMMDD)</source>
        <translation>Date of birth (YYMMDD)</translation>
    </message>
    <message>
        <source>Date of expiry (YYMMDD)</source>
        <translation>Date of expiry (YYMMDD)</translation>
    </message>
    <message>
        <source>Or the machine-readable zone (scanned or typed, two or three lines):</source>
        <translation>Or the machine-readable zone (scanned or typed, two or three lines):</translation>
    </message>
    <message>
        <source>Machine-readable zone</source>
        <translation>Machine-readable zone</translation>
    </message>
    <message>
        <source>e.g. 880314</source>
        <translation>e.g. 880314</translation>
    </message>
    <message>
        <source>e.g. 330101</source>
        <translation>e.g. 330101</translation>
    </message>
    <message>
        <source>Read the chip</source>
        <translation>Read the chip</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>Back to the start</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cancel reading</source>
        <translation>Cancel reading</translation>
    </message>
    <message>
        <source>Place the document on the reader and keep it still</source>
        <translation>Place the document on the reader and keep it still</translation>
    </message>
    <message>
        <source>Checking the document&apos;s signature…</source>
        <translation>Checking the document&apos;s signature…</translation>
    </message>
    <message>
        <source>Waiting for the document…</source>
        <translation>Waiting for the document…</translation>
    </message>
    <message>
        <source>Chip opened. Reading…</source>
        <translation>Chip opened. Reading…</translation>
    </message>
    <message>
        <source>Reading the photo… %1 / %2 KB</source>
        <translation>Reading the photo… %1 / %2 KB</translation>
    </message>
    <message>
        <source>Reading the security data…</source>
        <translation>Reading the security data…</translation>
    </message>
    <message>
        <source>Reading the personal data…</source>
        <translation>Reading the personal data…</translation>
    </message>
    <message>
        <source>Reading progress</source>
        <translation>Reading progress</translation>
    </message>
    <message>
        <source>✓ Read from the machine-readable zone by the camera. Check the three fields, then read the chip.</source>
        <translation>✓ Read from the machine-readable zone by the camera. Check the three fields, then read the chip.</translation>
    </message>
    <message>
        <source>Or lay the photo page face up under the camera: the fields fill themselves.</source>
        <translation>Or lay the photo page face up under the camera: the fields fill themselves.</translation>
    </message>
    <message>
        <source>Camera: the machine-readable zone is too small. Bring the page closer.</source>
        <translation>Camera: the machine-readable zone is too small. Bring the page closer.</translation>
    </message>
    <message>
        <source>Camera: a reflection covers the machine-readable zone. Tilt the page a little.</source>
        <translation>Camera: a reflection covers the machine-readable zone. Tilt the page a little.</translation>
    </message>
    <message>
        <source>Camera: the machine-readable zone cannot be read. Lay the page flat and hold it still, or type the fields.</source>
        <translation>Camera: the machine-readable zone cannot be read. Lay the page flat and hold it still, or type the fields.</translation>
    </message>
</context>
<context>
    <name>lz::ui::PinPad</name>
    <message>
        <source>No staff PIN is set. Set one with: liangzheng-cli staff set-pin</source>
        <translation>No staff PIN is set. Set one with: liangzheng-cli staff set-pin</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Locked until %1.</source>
        <translation>Too many wrong PINs. Locked until %1.</translation>
    </message>
    <message>
        <source>The stored PIN is unusable (%1). Set a new one.</source>
        <translation>The stored PIN is unusable (%1). Set a new one.</translation>
    </message>
    <message>
        <source>Wrong PIN. Locked until %1.</source>
        <translation>Wrong PIN. Locked until %1.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n tries left.</source>
        <translation>
            <numerusform>Wrong PIN. %n try left.</numerusform>
            <numerusform>Wrong PIN. %n tries left.</numerusform>
        </translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>Staff PIN</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation>Delete last digit</translation>
    </message>
    <message>
        <source>Staff sign-in</source>
        <translation>Staff sign-in</translation>
    </message>
    <message>
        <source>Staff number (blank: administrator)</source>
        <translation>Staff number (blank: administrator)</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>Staff number</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
</context>
<context>
    <name>lz::ui::ReadyScreen</name>
    <message>
        <source>Please show the QR code of your electronic ID</source>
        <translation>Show your resident ID e-credential QR code</translation>
    </message>
    <message>
        <source>Scanning is unavailable right now. Please ask staff for help.</source>
        <translation>Scanning is unavailable right now. Please ask staff for help.</translation>
    </message>
    <message>
        <source>Camera picture</source>
        <translation>Camera picture</translation>
    </message>
    <message>
        <source>Same party, room %1: guest %2 of %3, please show your code</source>
        <translation>Same party, room %1: guest %2 of %3, please show your code</translation>
    </message>
    <message>
        <source>End party registration</source>
        <translation>End party registration</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Staff mode</source>
        <translation>Staff mode</translation>
    </message>
    <message>
        <source>Please show the QR code of your electronic ID, or hold your phone to the reader</source>
        <translation>Show your resident ID e-credential QR code, or tap your phone on the reader</translation>
    </message>
    <message>
        <source>Please hold your phone to the reader</source>
        <translation>Please hold your phone to the reader</translation>
    </message>
    <message>
        <source>Passport / travel permit</source>
        <translation>Passport / travel permit</translation>
    </message>
    <message>
        <source>Read a passport or travel permit</source>
        <translation>Read a passport or travel permit</translation>
    </message>
    <message>
        <source>Please place your ID card on the card reader</source>
        <translation>Please place your ID card on the card reader</translation>
    </message>
    <message>
        <source>Or place your ID card on the card reader</source>
        <translation>Or place your ID card on the card reader</translation>
    </message>
    <message>
        <source>Open the e-ID app on your phone</source>
        <translation>Open the e-credential app on your phone</translation>
    </message>
    <message>
        <source>Show your ID code, the screen about 20 cm from the camera</source>
        <translation>Show the QR code, holding the screen about 20 cm from the camera</translation>
    </message>
    <message>
        <source>Or lay the phone flat on the reader&apos;s NFC mark and keep it there</source>
        <translation>Or lay the phone flat on the reader&apos;s NFC mark and keep it there</translation>
    </message>
    <message>
        <source>Lay the phone flat on the reader&apos;s NFC mark and keep it there</source>
        <translation>Lay the phone flat on the reader&apos;s NFC mark and keep it there</translation>
    </message>
    <message>
        <source>✓ Code recognised, checking…</source>
        <translation>✓ Code recognised, checking…</translation>
    </message>
    <message>
        <source>This code was just checked. To check again, refresh it in the app.</source>
        <translation>This code was just checked. To check again, refresh it in the app.</translation>
    </message>
    <message>
        <source>Elder mode</source>
        <translation>Elder mode</translation>
    </message>
    <message>
        <source>Elder mode: larger text, spoken prompts, more time</source>
        <translation>Elder mode: larger text, spoken prompts, more time</translation>
    </message>
</context>
<context>
    <name>lz::ui::RegistrationForm</name>
    <message>
        <source>Room number</source>
        <translation>Room number</translation>
    </message>
    <message>
        <source>Seat number</source>
        <translation>Seat number</translation>
    </message>
    <message>
        <source>Service item</source>
        <translation>Service item</translation>
    </message>
    <message>
        <source>Window number</source>
        <translation>Window number</translation>
    </message>
    <message>
        <source>Waybill number</source>
        <translation>Waybill number</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>Expected check-out</source>
        <translation>Expected check-out</translation>
    </message>
    <message>
        <source>Guests in the party</source>
        <translation>Guests in the party</translation>
    </message>
    <message>
        <source>Session starts</source>
        <translation>Session starts</translation>
    </message>
    <message>
        <source>Household registration</source>
        <translation>Household registration</translation>
    </message>
    <message>
        <source>Social security</source>
        <translation>Social security</translation>
    </message>
    <message>
        <source>Business licence</source>
        <translation>Business licence</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Tax</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Visa or residence type</source>
        <translation>Visa or residence type</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>number</source>
        <translation>number</translation>
    </message>
    <message>
        <source>Visa or permit number</source>
        <translation>Visa or permit number</translation>
    </message>
    <message>
        <source>port</source>
        <translation>port</translation>
    </message>
    <message>
        <source>Port of entry</source>
        <translation>Port of entry</translation>
    </message>
    <message>
        <source>Entry (date, port)</source>
        <translation>Entry (date, port)</translation>
    </message>
    <message>
        <source>Date of entry</source>
        <translation>Date of entry</translation>
    </message>
    <message>
        <source>Stay permitted until</source>
        <translation>Stay permitted until</translation>
    </message>
</context>
<context>
    <name>lz::ui::ResultScreen</name>
    <message>
        <source>Please fill in: %1</source>
        <translation>Please fill in: %1</translation>
    </message>
    <message numerus="yes">
        <source>Returns to the start in %n s</source>
        <translation>
            <numerusform>Returns to the start in %n s</numerusform>
            <numerusform>Returns to the start in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Done, back to the start</source>
        <translation>Done, back to the start</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Registration</translation>
    </message>
    <message>
        <source>✗  Not verified</source>
        <translation>✗  Not verified</translation>
    </message>
    <message>
        <source>✓  Verified</source>
        <translation>✓  Verified</translation>
    </message>
    <message>
        <source>Demo credential (DEMO issuer): for demonstration only</source>
        <translation>Demo credential (DEMO issuer): for demonstration only</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>No photo in this credential</source>
        <translation>No photo in this credential</translation>
    </message>
    <message>
        <source>Registering…</source>
        <translation>Registering…</translation>
    </message>
    <message>
        <source>✓ Registered and saved</source>
        <translation>✓ Registered and saved</translation>
    </message>
    <message>
        <source>Read by: %1</source>
        <translation>Read by: %1</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <source>Date of expiry</source>
        <translation>Date of expiry</translation>
    </message>
    <message>
        <source>Document chip genuine: signed in %1 (%2, active authentication)</source>
        <translation>Document chip genuine: signed in %1 (%2, active authentication)</translation>
    </message>
    <message>
        <source>Chip data genuine: signed in %1 (%2); chip not checked against copying</source>
        <translation>Chip data genuine: signed in %1 (%2); chip not checked against copying</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>18 or over</source>
        <translation>18 or over</translation>
    </message>
    <message>
        <source>Under 18</source>
        <translation>Under 18</translation>
    </message>
    <message>
        <source>Reason to register anyway</source>
        <translation>Reason to register anyway</translation>
    </message>
    <message>
        <source>Reason to register anyway (logged with your staff id)</source>
        <translation>Reason to register anyway (logged with your staff number)</translation>
    </message>
    <message>
        <source>Long-term</source>
        <translation>Long-term</translation>
    </message>
    <message>
        <source>The face check is still running.</source>
        <translation>The face check is still running.</translation>
    </message>
    <message>
        <source>the clerk&apos;s check of the document photo</source>
        <translation>the clerk&apos;s check of the document photo</translation>
    </message>
    <message>
        <source>Next guest&apos;s code read: please wait</source>
        <translation>Next guest&apos;s code read: please wait</translation>
    </message>
</context>
<context>
    <name>lz::ui::StaffDevicesPage</name>
    <message>
        <source>Testing the devices…</source>
        <translation>Testing the devices…</translation>
    </message>
    <message>
        <source>Run self-test</source>
        <translation>Run self-test</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>NFC reader</source>
        <translation>NFC reader</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>working, %1 frames/s</source>
        <translation>working, %1 frames/s</translation>
    </message>
    <message>
        <source>working</source>
        <translation>working</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>starting</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>unavailable</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>not configured</translation>
    </message>
</context>
<context>
    <name>lz::ui::StaffForwardingPage</name>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Gateway configured.</source>
        <translation>Gateway configured.</translation>
    </message>
    <message>
        <source>No gateway configured: records stay here.</source>
        <translation>No gateway configured: records stay here.</translation>
    </message>
    <message>
        <source>Waiting to be forwarded: %1</source>
        <translation>Waiting to be forwarded: %1</translation>
    </message>
    <message>
        <source>Set aside by the gateway: %1</source>
        <translation>Set aside by the gateway: %1</translation>
    </message>
    <message>
        <source>Oldest waiting: %1</source>
        <translation>Oldest waiting: %1</translation>
    </message>
    <message>
        <source>Last success: %1</source>
        <translation>Last success: %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Last error: %1</translation>
    </message>
    <message>
        <source>Next attempt: %1</source>
        <translation>Next attempt: %1</translation>
    </message>
    <message numerus="yes">
        <source>Warning: this terminal&apos;s clock differs from the gateway&apos;s by %n s.</source>
        <translation>
            <numerusform>Warning: this terminal&apos;s clock differs from the gateway&apos;s by %n s.</numerusform>
            <numerusform>Warning: this terminal&apos;s clock differs from the gateway&apos;s by %n s.</numerusform>
        </translation>
    </message>
    <message>
        <source>Registration log unavailable: %1</source>
        <translation>Registration log unavailable: %1</translation>
    </message>
    <message>
        <source>Back up to the USB stick</source>
        <translation>Back up to the USB stick</translation>
    </message>
</context>
<context>
    <name>lz::ui::StaffManualPage</name>
    <message>
        <source>Say why the document could not be read; it is logged and forwarded.</source>
        <translation>Say why the document could not be read; it is logged and forwarded.</translation>
    </message>
    <message>
        <source>Fill in: %1</source>
        <translation>Fill in: %1</translation>
    </message>
    <message>
        <source>Only when no reader can read the guest&apos;s document: type it from the document in your hand. It is recorded as registered by staff, not verified, with your staff number and the reason.</source>
        <translation>Only when no reader can read the guest&apos;s document: type it from the document in your hand. It is recorded as registered by staff, not verified, with your staff number and the reason.</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <source>Nationality (3 letters)</source>
        <translation>Nationality (3 letters)</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Why no reader could read it</source>
        <translation>Why no reader could read it</translation>
    </message>
    <message>
        <source>e.g. ID card reader broken, card checked by eye</source>
        <translation>e.g. ID card reader broken, card checked by eye</translation>
    </message>
    <message>
        <source>Register by hand</source>
        <translation>Register by hand</translation>
    </message>
</context>
<context>
    <name>lz::ui::StaffRecordsPage</name>
    <message>
        <source>Select a record first.</source>
        <translation>Select a record first.</translation>
    </message>
    <message>
        <source>Give a reason for showing the full record; it is logged.</source>
        <translation>Give a reason for showing the full record; it is logged.</translation>
    </message>
    <message>
        <source>Select a guest&apos;s hotel registration first.</source>
        <translation>Select a guest&apos;s hotel registration first.</translation>
    </message>
    <message numerus="yes">
        <source>Shown in full for %n s; this access was logged.</source>
        <translation>
            <numerusform>Shown in full for %n s; this access was logged.</numerusform>
            <numerusform>Shown in full for %n s; this access was logged.</numerusform>
        </translation>
    </message>
    <message>
        <source>Search name, number, room, seat…</source>
        <translation>Search name, number, room, seat…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Show in full</source>
        <translation>Show in full</translation>
    </message>
    <message>
        <source>Check out</source>
        <translation>Check out</translation>
    </message>
    <message>
        <source>Record the guest&apos;s departure</source>
        <translation>Record the guest&apos;s departure</translation>
    </message>
    <message>
        <source>Export file</source>
        <translation>Export file</translation>
    </message>
    <message>
        <source>Export CSV (masked)</source>
        <translation>Export CSV (masked)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Room / seat / item</source>
        <translation>Room / seat / item</translation>
    </message>
    <message>
        <source>Forwarding</source>
        <translation>Forwarding</translation>
    </message>
    <message>
        <source>(removed after retention)</source>
        <translation>(removed after retention)</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Checked out</source>
        <translation>Checked out</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Refused: %1</translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation>Forwarded</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Queued</translation>
    </message>
    <message>
        <source>Set aside: %1</source>
        <translation>Set aside: %1</translation>
    </message>
    <message>
        <source>Registered by staff (not verified)</source>
        <translation>Registered by staff (not verified)</translation>
    </message>
    <message>
        <source>Give a reason for the void; it is logged and forwarded.</source>
        <translation>Give a reason for the void; it is logged and forwarded.</translation>
    </message>
    <message>
        <source>Fill in: %1</source>
        <translation>Fill in: %1</translation>
    </message>
    <message>
        <source>Give a reason for the correction; it is logged and forwarded.</source>
        <translation>Give a reason for the correction; it is logged and forwarded.</translation>
    </message>
    <message>
        <source>Select a registration first.</source>
        <translation>Select a registration first.</translation>
    </message>
    <message>
        <source>This registration was voided already.</source>
        <translation>This registration was voided already.</translation>
    </message>
    <message>
        <source>Correct the registration of %1 (%2): the record stays, a correction is added</source>
        <translation>Correct the registration of %1 (%2): the record stays, a correction is added</translation>
    </message>
    <message>
        <source>Reason to show in full, void or correct (logged)</source>
        <translation>Reason to show in full, void or correct (logged)</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Void</translation>
    </message>
    <message>
        <source>Void the registration (made by mistake)</source>
        <translation>Void the registration (made by mistake)</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>Correct</translation>
    </message>
    <message>
        <source>Correct the registration&apos;s details</source>
        <translation>Correct the registration&apos;s details</translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation>Save correction</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Void of an earlier registration: %1</source>
        <translation>Void of an earlier registration: %1</translation>
    </message>
    <message>
        <source>Correction of an earlier registration: %1</source>
        <translation>Correction of an earlier registration: %1</translation>
    </message>
    <message>
        <source>voided</source>
        <translation>voided</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>corrected</translation>
    </message>
    <message>
        <source>Press Void again to void this registration (final; logged and forwarded).</source>
        <translation>Press Void again to void this registration (final; logged and forwarded).</translation>
    </message>
</context>
<context>
    <name>lz::ui::StaffScreen</name>
    <message>
        <source>Today&apos;s registrations</source>
        <translation>Today&apos;s registrations</translation>
    </message>
    <message>
        <source>Forwarding</source>
        <translation>Forwarding</translation>
    </message>
    <message>
        <source>Trust list</source>
        <translation>Trust list</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Back to guest screen</source>
        <translation>Back to guest screen</translation>
    </message>
    <message>
        <source>Leave kiosk mode</source>
        <translation>Leave kiosk mode</translation>
    </message>
    <message>
        <source>Signed in: %1</source>
        <translation>Signed in: %1</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>Register by hand</source>
        <translation>Register by hand</translation>
    </message>
</context>
<context>
    <name>lz::ui::StaffSettingsPage</name>
    <message>
        <source>A PIN is 4 to 12 digits.</source>
        <translation>A PIN is 4 to 12 digits.</translation>
    </message>
    <message>
        <source>The venue code may not be empty.</source>
        <translation>The venue code may not be empty.</translation>
    </message>
    <message>
        <source>Venue type</source>
        <translation>Venue type</translation>
    </message>
    <message>
        <source>Venue code</source>
        <translation>Venue code</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>Window number</source>
        <translation>Window number</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <source>Sounds</source>
        <translation>Sounds</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation>Large text</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <source>Return to start after (s)</source>
        <translation>Return to start after (s)</translation>
    </message>
    <message>
        <source>Keep records after forwarding (days)</source>
        <translation>Keep records after forwarding (days)</translation>
    </message>
    <message>
        <source>0, /dev/video0 or a video file; blank: default</source>
        <translation>0, /dev/video0 or a video file; blank: default</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <source>A staff number is 1 to 16 letters, digits, - or _ (not &quot;admin&quot;).</source>
        <translation>A staff number is 1 to 16 letters, digits, - or _ (not &quot;admin&quot;).</translation>
    </message>
    <message>
        <source>No clerk has that staff number.</source>
        <translation>No clerk has that staff number.</translation>
    </message>
    <message>
        <source>None yet: add each clerk with their own PIN.</source>
        <translation>None yet: add each clerk with their own PIN.</translation>
    </message>
    <message>
        <source>Clerk on duty (last signed in)</source>
        <translation>Clerk on duty (last signed in)</translation>
    </message>
    <message>
        <source>New administrator PIN (blank: unchanged)</source>
        <translation>New administrator PIN (blank: unchanged)</translation>
    </message>
    <message>
        <source>Clerks</source>
        <translation>Clerks</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>Staff number</translation>
    </message>
    <message>
        <source>Name (staff only)</source>
        <translation>Name (staff only)</translation>
    </message>
    <message>
        <source>Their PIN</source>
        <translation>Clerk&apos;s PIN</translation>
    </message>
    <message>
        <source>Add clerk / set PIN</source>
        <translation>Add clerk / set PIN</translation>
    </message>
    <message>
        <source>Remove clerk</source>
        <translation>Remove clerk</translation>
    </message>
</context>
<context>
    <name>lz::ui::StaffTrustPage</name>
    <message>
        <source>No trust list installed: every code is refused until one is.</source>
        <translation>No trust list installed: every code is refused until one is.</translation>
    </message>
    <message>
        <source>Version (sequence): %1</source>
        <translation>Version (sequence): %1</translation>
    </message>
    <message>
        <source>Age: %1</source>
        <translation>Age: %1</translation>
    </message>
    <message>
        <source>Next update due: %1</source>
        <translation>Next update due: %1</translation>
    </message>
    <message>
        <source>Out of date: update it.</source>
        <translation>Out of date: update it.</translation>
    </message>
    <message>
        <source>Current.</source>
        <translation>Up to date.</translation>
    </message>
    <message>
        <source>DEMO trust list: demo mode only.</source>
        <translation>DEMO trust list: demo mode only.</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warning: %1</translation>
    </message>
</context>
<context>
    <name>lz::ui::StatusStrip</name>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · terminal %2</source>
        <translation>%1 · terminal %2</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <source>%1 ready</source>
        <translation>%1 ready</translation>
    </message>
    <message>
        <source>%1 starting</source>
        <translation>%1 starting</translation>
    </message>
    <message>
        <source>%1 unavailable</source>
        <translation>%1 unavailable</translation>
    </message>
    <message>
        <source>%1 not configured</source>
        <translation>%1 not configured</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>NFC</source>
        <translation>NFC</translation>
    </message>
    <message>
        <source>ID card</source>
        <translation>ID card</translation>
    </message>
    <message>
        <source>Staff: no trust list</source>
        <translation>Staff: no trust list</translation>
    </message>
    <message>
        <source>Staff: trust list out of date</source>
        <translation>Staff: trust list out of date</translation>
    </message>
    <message>
        <source>Staff: no police gateway set, records stay here</source>
        <translation>Staff: no police gateway set, records stay here</translation>
    </message>
    <message>
        <source>Staff: records are not reaching the police gateway</source>
        <translation>Staff: records are not reaching the police gateway</translation>
    </message>
</context>
</TS>
