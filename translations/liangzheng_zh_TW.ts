<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>Texts</name>
    <message>
        <source>Verified</source>
        <translation>驗證通過</translation>
    </message>
    <message>
        <source>This is not an electronic ID code. Please show the QR code of your electronic ID.</source>
        <translation>這不是居民身分電子憑證QR Code，請出示居民身分電子憑證QR Code。</translation>
    </message>
    <message>
        <source>This code is newer than this terminal supports. Please ask staff for help.</source>
        <translation>此QR Code版本過新，本終端機暫不支援，請洽工作人員。</translation>
    </message>
    <message>
        <source>The issuer of this credential is not known to this terminal.</source>
        <translation>本終端機無法識別此憑證的簽發機構。</translation>
    </message>
    <message>
        <source>The credential&apos;s signature is not valid (it may have been altered).</source>
        <translation>憑證簽章無效（可能已遭竄改）。</translation>
    </message>
    <message>
        <source>This code does not come from the holder&apos;s phone (it may be a copy).</source>
        <translation>此QR Code並非由持證人本人手機出示（可能是複製的）。</translation>
    </message>
    <message>
        <source>This credential is not valid yet.</source>
        <translation>此憑證尚未生效。</translation>
    </message>
    <message>
        <source>This credential has expired. Please renew it in the app.</source>
        <translation>此憑證已過期，請在App中更新。</translation>
    </message>
    <message>
        <source>This QR code has expired. Please refresh it and show it again.</source>
        <translation>QR Code已過期，請重新整理後再出示。</translation>
    </message>
    <message>
        <source>This QR code&apos;s time is wrong. Please check the phone&apos;s clock and refresh.</source>
        <translation>QR Code時間有誤，請檢查手機時間後重新整理。</translation>
    </message>
    <message>
        <source>This QR code has already been used.</source>
        <translation>此QR Code已被使用。</translation>
    </message>
    <message>
        <source>This credential has been revoked.</source>
        <translation>此憑證已被撤銷。</translation>
    </message>
    <message>
        <source>This terminal&apos;s trust list is out of date. Please contact the administrator.</source>
        <translation>本終端機信任清單已過期，請聯絡管理員。</translation>
    </message>
    <message>
        <source>This terminal&apos;s clock is wrong. Please contact the administrator.</source>
        <translation>本終端機時間有誤，請聯絡管理員。</translation>
    </message>
    <message>
        <source>Not verified.</source>
        <translation>驗證未通過</translation>
    </message>
    <message>
        <source>Under 18: by law, minors may not enter an internet café.</source>
        <translation>未滿18歲，依法不得進入網咖。</translation>
    </message>
    <message>
        <source>This person may not be registered here.</source>
        <translation>此人不得在本場所登記。</translation>
    </message>
    <message>
        <source>Move the phone closer</source>
        <translation>請將手機靠近一點</translation>
    </message>
    <message>
        <source>Move the phone a little further away</source>
        <translation>請將手機稍微拿遠一點</translation>
    </message>
    <message>
        <source>Hold the phone still</source>
        <translation>請拿穩手機</translation>
    </message>
    <message>
        <source>Glare on the screen: tilt the phone slightly</source>
        <translation>螢幕反光，請稍微傾斜手機</translation>
    </message>
    <message>
        <source>Resident ID e-credential</source>
        <translation>居民身分電子憑證</translation>
    </message>
    <message>
        <source>Residence permit for Hong Kong, Macao and Taiwan residents</source>
        <translation>港澳台居民居住證</translation>
    </message>
    <message>
        <source>Foreigner&apos;s permanent residence ID</source>
        <translation>外國人永久居留身分證</translation>
    </message>
    <message>
        <source>Mainland travel permit</source>
        <translation>來往內地通行證</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>升級版</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>輕量版</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Hotel</source>
        <translation>飯店</translation>
    </message>
    <message>
        <source>Internet café</source>
        <translation>網咖</translation>
    </message>
    <message>
        <source>Government service window</source>
        <translation>政務服務窗口</translation>
    </message>
    <message>
        <source>Parcel counter</source>
        <translation>快遞收寄點</translation>
    </message>
    <message>
        <source>Not registered: the disk is full. Please call the administrator.</source>
        <translation>未登記：磁碟已滿，請聯絡管理員。</translation>
    </message>
    <message>
        <source>Not registered: please fill in every field.</source>
        <translation>未登記：請填寫所有欄位。</translation>
    </message>
    <message>
        <source>Not registered: the registration log is unavailable. Please call the administrator.</source>
        <translation>未登記：登記紀錄無法使用，請聯絡管理員。</translation>
    </message>
    <message>
        <source>Not registered: an error occurred. Please try again.</source>
        <translation>未登記：發生錯誤，請再試一次。</translation>
    </message>
    <message>
        <source>Not an e-ID code</source>
        <translation>非居民身分電子憑證QR Code</translation>
    </message>
    <message>
        <source>Unsupported version</source>
        <translation>版本不支援</translation>
    </message>
    <message>
        <source>Unknown issuer</source>
        <translation>簽發機構未知</translation>
    </message>
    <message>
        <source>Forged or altered</source>
        <translation>偽造或竄改</translation>
    </message>
    <message>
        <source>Not from the holder&apos;s phone</source>
        <translation>非持證人本人手機</translation>
    </message>
    <message>
        <source>Not yet valid</source>
        <translation>尚未生效</translation>
    </message>
    <message>
        <source>Credential expired</source>
        <translation>憑證已過期</translation>
    </message>
    <message>
        <source>Code expired</source>
        <translation>QR Code已過期</translation>
    </message>
    <message>
        <source>Code time wrong</source>
        <translation>QR Code時間有誤</translation>
    </message>
    <message>
        <source>Already used</source>
        <translation>已被使用</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已撤銷</translation>
    </message>
    <message>
        <source>Trust list out of date</source>
        <translation>信任清單已過期</translation>
    </message>
    <message>
        <source>Terminal clock wrong</source>
        <translation>終端機時間有誤</translation>
    </message>
    <message>
        <source>QR code, camera</source>
        <translation>QR Code，攝影機</translation>
    </message>
    <message>
        <source>Keep the phone on the reader until the result appears</source>
        <translation>請將手機貼在讀卡區保持不動，直到顯示結果</translation>
    </message>
    <message>
        <source>This card cannot be read here. Please show the QR code of your electronic ID.</source>
        <translation>此卡無法在這裡讀取。請出示居民身分電子憑證QR Code。</translation>
    </message>
    <message>
        <source>No electronic ID answered. Open the ID wallet on the phone and hold it to the reader again.</source>
        <translation>未讀到居民身分電子憑證。請在手機上開啟居民身分電子憑證App，再將手機貼近讀卡區。</translation>
    </message>
    <message>
        <source>The phone declined. Confirm in the ID wallet and hold it to the reader again.</source>
        <translation>手機拒絕了讀取。請在居民身分電子憑證App中確認後，再將手機貼近讀卡區。</translation>
    </message>
    <message>
        <source>The reader could not read it. Please hold the phone to the reader again.</source>
        <translation>讀卡失敗。請再次將手機貼近讀卡區。</translation>
    </message>
    <message>
        <source>Phone, NFC tap</source>
        <translation>手機感應（NFC）</translation>
    </message>
    <message>
        <source>QR code, scanner</source>
        <translation>QR Code，掃描器</translation>
    </message>
    <message>
        <source>The document&apos;s chip data is not signed correctly (it may have been altered).</source>
        <translation>證件晶片資料的簽章不正確（可能已被竄改）。</translation>
    </message>
    <message>
        <source>The document&apos;s issuing country is not in this terminal&apos;s trust list.</source>
        <translation>本終端機的信任清單中沒有該證件簽發國的根憑證。</translation>
    </message>
    <message>
        <source>The certificate that signed this document has expired or is not yet valid.</source>
        <translation>簽署該證件的憑證已過期或尚未生效。</translation>
    </message>
    <message>
        <source>The certificate that signed this document is not valid.</source>
        <translation>簽署該證件的憑證無效。</translation>
    </message>
    <message>
        <source>The chip&apos;s data does not match its signature (it may have been altered).</source>
        <translation>晶片資料與其簽章不符（可能已被竄改）。</translation>
    </message>
    <message>
        <source>The document&apos;s chip data could not be understood. Please check the document by hand.</source>
        <translation>無法解析證件晶片資料，請人工查驗證件。</translation>
    </message>
    <message>
        <source>This document has expired.</source>
        <translation>該證件已過期。</translation>
    </message>
    <message>
        <source>The certificate that signed this document has been revoked.</source>
        <translation>簽署該證件的憑證已被撤銷。</translation>
    </message>
    <message>
        <source>Chip signature invalid</source>
        <translation>晶片簽章無效</translation>
    </message>
    <message>
        <source>Unknown issuing country</source>
        <translation>簽發國未知</translation>
    </message>
    <message>
        <source>Signer certificate expired</source>
        <translation>簽章憑證已過期</translation>
    </message>
    <message>
        <source>Signer certificate invalid</source>
        <translation>簽章憑證無效</translation>
    </message>
    <message>
        <source>Chip data altered</source>
        <translation>晶片資料遭竄改</translation>
    </message>
    <message>
        <source>Document chip (NFC)</source>
        <translation>證件晶片（NFC）</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>護照</translation>
    </message>
    <message>
        <source>Travel document</source>
        <translation>旅行證件</translation>
    </message>
    <message>
        <source>Unspecified</source>
        <translation>未說明</translation>
    </message>
    <message>
        <source>The document number must be letters and digits only.</source>
        <translation>證件號碼只能包含字母和數字。</translation>
    </message>
    <message>
        <source>The date of birth must be six digits YYMMDD and a real date.</source>
        <translation>出生日期須為6位數字（年年月月日日），且為有效日期。</translation>
    </message>
    <message>
        <source>The date of expiry must be six digits YYMMDD and a real date.</source>
        <translation>有效期限須為6位數字（年年月月日日），且為有效日期。</translation>
    </message>
    <message>
        <source>The document number does not match its check digit: please read it again.</source>
        <translation>證件號碼與檢查碼不符，請重新核對。</translation>
    </message>
    <message>
        <source>The date of birth does not match its check digit: please read it again.</source>
        <translation>出生日期與檢查碼不符，請重新核對。</translation>
    </message>
    <message>
        <source>The date of expiry does not match its check digit: please read it again.</source>
        <translation>有效期限與檢查碼不符，請重新核對。</translation>
    </message>
    <message>
        <source>The machine-readable zone does not add up (check digit): please scan it again.</source>
        <translation>機讀區檢查碼不符，請重新掃描。</translation>
    </message>
    <message>
        <source>This is not a machine-readable zone of two or three lines.</source>
        <translation>這不是兩行或三行的機讀區。</translation>
    </message>
    <message>
        <source>The chip did not accept these details. Check the document number and both dates.</source>
        <translation>晶片未接受這些資料，請核對證件號碼和兩個日期。</translation>
    </message>
    <message>
        <source>The document was moved away. Place it on the reader again and keep it still.</source>
        <translation>證件被移開了，請重新放到讀卡區並保持不動。</translation>
    </message>
    <message>
        <source>This is not a passport chip. Place the document&apos;s chip (in the cover or the card) on the reader.</source>
        <translation>這不是護照晶片，請將證件的晶片部位（封皮或卡片）放在讀卡區。</translation>
    </message>
    <message>
        <source>No document was read. Place it on the reader and try again.</source>
        <translation>未讀到證件，請放到讀卡區後重試。</translation>
    </message>
    <message>
        <source>The reader is not working. Please ask staff for help.</source>
        <translation>讀卡機無法運作，請洽工作人員。</translation>
    </message>
    <message>
        <source>Photo format not supported</source>
        <translation>不支援該照片格式</translation>
    </message>
    <message>
        <source>The photo on the chip could not be decoded</source>
        <translation>晶片中的照片無法解碼</translation>
    </message>
    <message>
        <source>Visa-free entry</source>
        <translation>免簽入境</translation>
    </message>
    <message>
        <source>Residence permit</source>
        <translation>居留許可</translation>
    </message>
    <message>
        <source>Port visa</source>
        <translation>口岸簽證</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Visa %1</source>
        <translation>%1字簽證</translation>
    </message>
    <message>
        <source>The chip failed its anti-copying check: it may be a cloned chip.</source>
        <translation>晶片未通過防複製驗證，可能是複製晶片。</translation>
    </message>
    <message>
        <source>Cloned chip?</source>
        <translation>疑似複製晶片</translation>
    </message>
    <message>
        <source>Already checked in (room %1). To register anyway, give a reason.</source>
        <translation>已入住（%1號房）。如仍需登記，請填寫理由。</translation>
    </message>
    <message>
        <source>Not registered: this guest already holds an open stay.</source>
        <translation>未登記：該住客已入住且尚未退房。</translation>
    </message>
    <message>
        <source>Not registered: the check is too old. Please show the code again.</source>
        <translation>未登記：驗證結果已失效，請重新出示QR Code。</translation>
    </message>
    <message>
        <source>Not registered: the clerk on duty (staff settings) and a reason are needed to register anyway.</source>
        <translation>未登記：如仍需登記，須有值班員工（見員工設定）並填寫理由。</translation>
    </message>
    <message>
        <source>This ID card did not pass the card reader&apos;s authentication.</source>
        <translation>此證件未通過讀卡機認證。</translation>
    </message>
    <message>
        <source>This card&apos;s data contradicts itself (number, birth date or sex). Please check the card by hand and ask staff.</source>
        <translation>此證件的資料自相矛盾（號碼、出生日期或性別不符）。請人工核對證件並洽詢工作人員。</translation>
    </message>
    <message>
        <source>This ID card has expired.</source>
        <translation>此證件已過期。</translation>
    </message>
    <message>
        <source>The card reader returned data that is not a card&apos;s. Please place the card again.</source>
        <translation>讀卡機回傳的不是證件資料。請重新放置證件。</translation>
    </message>
    <message>
        <source>Card not authenticated</source>
        <translation>證件未通過認證</translation>
    </message>
    <message>
        <source>Card data inconsistent</source>
        <translation>證件資料不一致</translation>
    </message>
    <message>
        <source>Card expired</source>
        <translation>證件已過期</translation>
    </message>
    <message>
        <source>ID card, card reader</source>
        <translation>身分證，讀卡機</translation>
    </message>
    <message>
        <source>Please place the ID card on the ID card reader.</source>
        <translation>請將身分證放在身分證讀卡機上。</translation>
    </message>
    <message>
        <source>Place the ID card on the card reader again and keep it still.</source>
        <translation>請將身分證重新放在讀卡機上並保持不動。</translation>
    </message>
    <message>
        <source>This card could not be read. Please ask staff for help.</source>
        <translation>無法讀取此證件。請洽工作人員。</translation>
    </message>
    <message>
        <source>The ID card reader is not working. Please ask staff for help.</source>
        <translation>身分證讀卡機無法運作。請洽工作人員。</translation>
    </message>
    <message>
        <source>The ID card photo could not be decoded</source>
        <translation>證件照片無法解碼</translation>
    </message>
    <message>
        <source>Resident ID card</source>
        <translation>居民身分證</translation>
    </message>
    <message>
        <source>Permanent residence</source>
        <translation>永久居留</translation>
    </message>
    <message>
        <source>Permanent residence card</source>
        <translation>外國人永久居留身分證</translation>
    </message>
    <message>
        <source>Photo: reader vendor&apos;s decoder needed</source>
        <translation>證件照片需讀卡機廠商解碼函式庫</translation>
    </message>
    <message>
        <source>Not registered: the face check did not confirm the guest. The clerk on duty (staff settings) compares the document photo with the guest and gives a reason.</source>
        <translation>未登記：人臉驗證未確認本人。須由值班人員（員工設定）核對證件照片與本人並填寫說明。</translation>
    </message>
    <message>
        <source>Not saved: this registration cannot be voided or corrected.</source>
        <translation>未儲存：此登記無法作廢或更正。</translation>
    </message>
    <message>
        <source>You are already checked in here. Please ask at the desk.</source>
        <translation>您已在本店入住，請至櫃檯洽詢。</translation>
    </message>
    <message>
        <source>Not registered: under 18</source>
        <translation>不予登記：未滿18歲</translation>
    </message>
    <message>
        <source>Not registered: already checked in</source>
        <translation>不予登記：已有在住登記</translation>
    </message>
    <message>
        <source>Not registered here</source>
        <translation>不予登記</translation>
    </message>
    <message>
        <source>Please ask at the desk</source>
        <translation>請至櫃檯洽詢</translation>
    </message>
    <message>
        <source>Hold the phone to the reader again</source>
        <translation>再次將手機靠近讀卡區</translation>
    </message>
    <message>
        <source>Hold it to the camera</source>
        <translation>對準攝影機</translation>
    </message>
    <message>
        <source>Open the app</source>
        <translation>開啟App</translation>
    </message>
    <message>
        <source>Confirm in the app</source>
        <translation>在App中確認</translation>
    </message>
    <message>
        <source>Refresh the code</source>
        <translation>重新整理QR Code</translation>
    </message>
    <message>
        <source>Open the e-ID app</source>
        <translation>開啟居民身分電子憑證App</translation>
    </message>
    <message>
        <source>Show your ID code</source>
        <translation>出示QR Code</translation>
    </message>
    <message>
        <source>Renew it in the app</source>
        <translation>在App中更新憑證</translation>
    </message>
    <message>
        <source>Please ask staff for help</source>
        <translation>請洽工作人員</translation>
    </message>
    <message>
        <source>Staff: the guest is under 18 — by law no entry to an internet café. Nothing was registered.</source>
        <translation>員工：該顧客未滿18歲，依法不得進入網咖。未登記。</translation>
    </message>
    <message>
        <source>Staff: already checked in, room %1. Record the check-out first, or void a mistaken registration in staff mode.</source>
        <translation>員工：已入住（%1號房）。請先辦理退房，或在員工模式中作廢誤登記。</translation>
    </message>
    <message>
        <source>Staff: this person may not be registered at this venue.</source>
        <translation>員工：此人不得在本場所登記。</translation>
    </message>
    <message>
        <source>Staff: the code itself cannot be used — a fresh one from the guest&apos;s app is needed.</source>
        <translation>員工：此碼本身無法使用，需請顧客在App中重新出示。</translation>
    </message>
    <message>
        <source>Staff: the document is not valid today — another valid document is needed.</source>
        <translation>員工：該證件目前無效，需要其他有效證件。</translation>
    </message>
    <message>
        <source>Staff: possibly forged or altered — check the document by hand. The attempt is logged.</source>
        <translation>員工：可能遭偽造或竄改，請人工查驗證件。此次嘗試已記錄。</translation>
    </message>
    <message>
        <source>Staff: the terminal needs maintenance (trust list or clock): see staff mode.</source>
        <translation>員工：終端機需要維護（信任清單或時鐘），請進入員工模式查看。</translation>
    </message>
    <message>
        <source>Chinese citizen of foreign origin</source>
        <translation>外國血統中國籍人士</translation>
    </message>
    <message>
        <source>The chip could not be read. Place the document on the reader again.</source>
        <translation>無法讀取晶片，請重新放置證件。</translation>
    </message>
</context>
<context>
    <name>lz::CameraFeed</name>
    <message>
        <source>the video ended</source>
        <translation>影片已播放完畢</translation>
    </message>
</context>
<context>
    <name>lz::EnrolmentDesk</name>
    <message>
        <source>The staff PIN is saved.</source>
        <translation>工作人員密碼已儲存。</translation>
    </message>
    <message>
        <source>The venue is saved.</source>
        <translation>場所資訊已儲存。</translation>
    </message>
    <message>
        <source>The terminal ID is saved.</source>
        <translation>終端編號已儲存。</translation>
    </message>
    <message>
        <source>The trust list is installed.</source>
        <translation>信任清單已安裝。</translation>
    </message>
    <message>
        <source>The self-test will fetch the trust list from the gateway.</source>
        <translation>自檢時將從閘道取得信任清單。</translation>
    </message>
    <message>
        <source>The key is made and the request written.</source>
        <translation>金鑰已產生，憑證申請已寫出。</translation>
    </message>
    <message>
        <source>The certificate is imported.</source>
        <translation>憑證已匯入。</translation>
    </message>
    <message>
        <source>Self-test running…</source>
        <translation>正在自檢…</translation>
    </message>
    <message>
        <source>Self-test passed.</source>
        <translation>自檢通過。</translation>
    </message>
    <message>
        <source>Self-test not passed.</source>
        <translation>自檢未通過。</translation>
    </message>
    <message>
        <source>The PIN must be 4 to 12 digits.</source>
        <translation>密碼須為 4 至 12 位數字。</translation>
    </message>
    <message>
        <source>Choose the venue type and type the venue code from the police&apos;s registration letter.</source>
        <translation>請選擇場所類型，並依公安機關備案函填寫場所編碼。</translation>
    </message>
    <message>
        <source>The terminal ID is 1 to 64 letters, digits, dots, dashes or underscores.</source>
        <translation>終端編號為 1 至 64 個字母、數字、點、短橫線或底線。</translation>
    </message>
    <message>
        <source>No USB stick there. Insert the supplier&apos;s stick, wait a moment and press Refresh.</source>
        <translation>該處沒有隨身碟。請插入供應商的隨身碟，稍候後點「重新整理」。</translation>
    </message>
    <message>
        <source>The trust list on the stick could not be installed.</source>
        <translation>隨身碟上的信任清單無法安裝。</translation>
    </message>
    <message>
        <source>The gateway address must start with https://</source>
        <translation>閘道位址必須以 https:// 開頭</translation>
    </message>
    <message>
        <source>gateway-ca.pem on the stick is not a certificate.</source>
        <translation>隨身碟上的 gateway-ca.pem 不是憑證。</translation>
    </message>
    <message>
        <source>The key and request could not be made.</source>
        <translation>無法產生金鑰與憑證申請。</translation>
    </message>
    <message>
        <source>This certificate cannot be used for this terminal.</source>
        <translation>此憑證不能用於本終端。</translation>
    </message>
    <message>
        <source>The disk is full: nothing was changed.</source>
        <translation>磁碟已滿：未做任何變更。</translation>
    </message>
    <message>
        <source>The step failed.</source>
        <translation>此步驟未完成。</translation>
    </message>
</context>
<context>
    <name>lz::Kiosk</name>
    <message>
        <source>Settings saved.</source>
        <translation>設定已儲存。</translation>
    </message>
    <message>
        <source>Camera: OK, %1 frames/s (%2)</source>
        <translation>攝影機：正常，%1 影格/秒（%2）</translation>
    </message>
    <message>
        <source>Camera: FAILED (%1)</source>
        <translation>攝影機：異常（%1）</translation>
    </message>
    <message>
        <source>Serial scanner: OK (%1)</source>
        <translation>序列埠掃描器：正常（%1）</translation>
    </message>
    <message>
        <source>Serial scanner: FAILED (%1)</source>
        <translation>序列埠掃描器：異常（%1）</translation>
    </message>
    <message>
        <source>Serial scanner: not configured</source>
        <translation>序列埠掃描器：未設定</translation>
    </message>
    <message>
        <source>Keyboard scanner: listening (scan any code to test)</source>
        <translation>鍵盤式掃描器：等待掃描（掃描任意條碼即可測試）</translation>
    </message>
    <message>
        <source>Registration log: OK</source>
        <translation>登記紀錄：正常</translation>
    </message>
    <message>
        <source>Registration log: FAILED (%1)</source>
        <translation>登記紀錄：異常（%1）</translation>
    </message>
    <message>
        <source>NFC reader: OK (%1)</source>
        <translation>NFC讀卡機：正常（%1）</translation>
    </message>
    <message>
        <source>NFC reader: FAILED (%1)</source>
        <translation>NFC讀卡機：異常（%1）</translation>
    </message>
    <message>
        <source>NFC reader: not configured</source>
        <translation>NFC讀卡機：未設定</translation>
    </message>
    <message>
        <source>ID card reader: OK (%1)</source>
        <translation>身分證讀卡機：正常（%1）</translation>
    </message>
    <message>
        <source>ID card reader: FAILED (%1)</source>
        <translation>身分證讀卡機：異常（%1）</translation>
    </message>
    <message>
        <source>ID card photos: the card reader vendor&apos;s decoder library is needed (not configured)</source>
        <translation>證件照片：需讀卡機廠商解碼函式庫（未設定）</translation>
    </message>
    <message>
        <source>ID card reader: not configured</source>
        <translation>身分證讀卡機：未設定</translation>
    </message>
    <message>
        <source>No USB stick found. Insert one, wait a moment and try again.</source>
        <translation>未找到隨身碟。請插入隨身碟，稍候再試。</translation>
    </message>
    <message>
        <source>Backing up to %1…</source>
        <translation>正在備份到 %1…</translation>
    </message>
</context>
<context>
    <name>lz::KioskBackend</name>
    <message>
        <source>The registration log is unavailable.</source>
        <translation>登記紀錄無法使用。</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>匯出失敗：%1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n records (masked) to %1</source>
        <translation>
            <numerusform>已匯出%n筆紀錄（已遮罩）至%1</numerusform>
        </translation>
    </message>
    <message>
        <source>No gateway is configured.</source>
        <translation>未設定上報伺服器。</translation>
    </message>
    <message>
        <source>This guest has no open stay (checked out already).</source>
        <translation>該住客已退房，目前沒有入住中的紀錄。</translation>
    </message>
    <message>
        <source>Check-out failed: %1</source>
        <translation>退房登記失敗：%1</translation>
    </message>
    <message>
        <source>Check-out recorded: room %1.</source>
        <translation>已登記退房：%1號房。</translation>
    </message>
    <message>
        <source>Export failed: the disk is full. Free some space or choose another place.</source>
        <translation>匯出失敗：磁碟已滿。請清理空間或選擇其他位置。</translation>
    </message>
    <message>
        <source>Registration voided: the void is recorded and forwarded.</source>
        <translation>登記已作廢：作廢紀錄已儲存並將上報。</translation>
    </message>
    <message>
        <source>Registration corrected: the correction is recorded and forwarded.</source>
        <translation>登記已更正：更正紀錄已儲存並將上報。</translation>
    </message>
    <message>
        <source>This registration was voided already.</source>
        <translation>此登記已作廢。</translation>
    </message>
    <message>
        <source>The clerk on duty (staff settings) and a reason are needed.</source>
        <translation>須有值班員工（見員工設定）並填寫原因。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未儲存：%1</translation>
    </message>
    <message>
        <source>Only a registration of the last %1 days can be voided or corrected.</source>
        <translation>只能作廢或更正最近%1天內的登記。</translation>
    </message>
    <message>
        <source>Not registered: already checked in (room %1).</source>
        <translation>未登記：已入住（%1號房）。</translation>
    </message>
    <message>
        <source>Not registered: check the document&apos;s kind, number, name, sex and birth date.</source>
        <translation>未登記：請核對證件類型、號碼、姓名、性別和出生日期。</translation>
    </message>
    <message>
        <source>Not registered: your staff number and a reason are needed.</source>
        <translation>未登記：需要您的員工編號和原因。</translation>
    </message>
    <message>
        <source>Registered by hand, marked as not verified; forwarded like every record.</source>
        <translation>已補登，標記為未經驗證；與其他紀錄一樣上報。</translation>
    </message>
    <message>
        <source>This record cannot be voided or corrected.</source>
        <translation>此紀錄不能作廢或更正。</translation>
    </message>
    <message>
        <source>Backup failed: the terminal is not open (%1).</source>
        <translation>備份失敗：終端未開啟（%1）。</translation>
    </message>
    <message>
        <source>Backup is not set up on this terminal: no escrow certificate ([backup] escrow_cert). Ask the supplier.</source>
        <translation>本終端未設定備份：沒有託管憑證（[backup] escrow_cert）。請聯絡供應商。</translation>
    </message>
    <message>
        <source>Backup failed: the escrow certificate cannot be read (%1).</source>
        <translation>備份失敗：無法讀取託管憑證（%1）。</translation>
    </message>
    <message>
        <source>Backup failed: the stick is full. Nothing on this terminal changed.</source>
        <translation>備份失敗：隨身碟已滿。本終端上的資料未作任何變更。</translation>
    </message>
    <message>
        <source>Backup failed: %1</source>
        <translation>備份失敗：%1</translation>
    </message>
    <message numerus="yes">
        <source>Backup written to %1: %n records, %2 not yet forwarded. Keep the stick safe; only the escrow holder can open its keys.</source>
        <translation>
            <numerusform>已備份到 %1：%n 筆記錄，其中 %2 筆尚未轉發。請妥善保管隨身碟；只有託管方能開啟其中的金鑰。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lz::ui::EnrolmentScreen</name>
    <message>
        <source>The two PINs differ. Type the new PIN twice.</source>
        <translation>兩次輸入的密碼不一致，請將新密碼輸入兩遍。</translation>
    </message>
    <message>
        <source>Terminal ID</source>
        <translation>終端編號</translation>
    </message>
    <message>
        <source>Trust list</source>
        <translation>信任清單</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>時鐘</translation>
    </message>
    <message>
        <source>Registration log</source>
        <translation>登記記錄庫</translation>
    </message>
    <message>
        <source>Police gateway (one sync round)</source>
        <translation>公安閘道（一次同步）</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>攝影機</translation>
    </message>
    <message>
        <source>ID card reader</source>
        <translation>身分證讀卡機</translation>
    </message>
    <message>
        <source>Code scanner</source>
        <translation>掃碼器</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Terminal state</source>
        <translation>終端狀態</translation>
    </message>
    <message>
        <source>Enrol this terminal</source>
        <translation>開通本終端</translation>
    </message>
    <message>
        <source>USB stick:</source>
        <translation>隨身碟：</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>The staff PIN is set. To change it, type a new one twice.</source>
        <translation>工作人員密碼已設定。如需變更，請將新密碼輸入兩遍。</translation>
    </message>
    <message>
        <source>Choose the administrator PIN (4 to 12 digits). Staff mode, enrolment and settings are behind it.</source>
        <translation>請設定管理員密碼（4 至 12 位數字）。進入工作人員模式、開通與設定都需要它。</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>新密碼</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>再次輸入新密碼</translation>
    </message>
    <message>
        <source>Save PIN</source>
        <translation>儲存密碼</translation>
    </message>
    <message>
        <source>From the police&apos;s registration letter for this venue.</source>
        <translation>以公安機關給本場所的備案函為準。</translation>
    </message>
    <message>
        <source>Venue type</source>
        <translation>場所類型</translation>
    </message>
    <message>
        <source>Venue code</source>
        <translation>場所編碼</translation>
    </message>
    <message>
        <source>Venue name</source>
        <translation>場所名稱</translation>
    </message>
    <message>
        <source>Save venue</source>
        <translation>儲存場所資訊</translation>
    </message>
    <message>
        <source>The number the supplier gave this terminal (letters, digits, . _ -). The police&apos;s certificate is made out to it.</source>
        <translation>供應商為本終端分配的編號（字母、數字、. _ -）。公安機關的憑證將簽發給該編號。</translation>
    </message>
    <message>
        <source>Save terminal ID</source>
        <translation>儲存終端編號</translation>
    </message>
    <message>
        <source>The trust list says whose credentials this terminal accepts. The supplier&apos;s stick holds trust-list.cose and, for a new roll-out, the anchor key anchor-….pub.pem.</source>
        <translation>信任清單規定本終端接受哪些簽發方的憑證。供應商的隨身碟上有 trust-list.cose；新部署時還有信任錨公鑰 anchor-….pub.pem。</translation>
    </message>
    <message>
        <source>Import the trust list from the stick</source>
        <translation>從隨身碟匯入信任清單</translation>
    </message>
    <message>
        <source>Fetch it from the gateway at the self-test</source>
        <translation>自檢時從閘道取得</translation>
    </message>
    <message>
        <source>Trust list %1 installed.</source>
        <translation>信任清單 %1 已安裝。</translation>
    </message>
    <message>
        <source>Compare the anchor&apos;s fingerprint with the supplier&apos;s letter:</source>
        <translation>請將信任錨指紋與供應商函件核對：</translation>
    </message>
    <message>
        <source>The self-test will fetch the trust list from the gateway.</source>
        <translation>自檢時將從閘道取得信任清單。</translation>
    </message>
    <message>
        <source>The police gateway&apos;s address, and its CA certificate gateway-ca.pem on the stick. This terminal makes its own key here and writes a certificate request for the police&apos;s terminal CA to the stick; it is also shown as a QR code.</source>
        <translation>填寫公安閘道位址；閘道的 CA 憑證 gateway-ca.pem 放在隨身碟上。本終端在本機產生自己的金鑰，並把給公安終端 CA 的憑證申請寫到隨身碟上，同時以 QR 碼顯示。</translation>
    </message>
    <message>
        <source>Gateway address</source>
        <translation>閘道位址</translation>
    </message>
    <message>
        <source>Make the key and the request</source>
        <translation>產生金鑰與憑證申請</translation>
    </message>
    <message>
        <source>Send it to the police&apos;s terminal CA; the supplier may scan the QR code. Import the certificate that comes back in the next step.</source>
        <translation>請將其交給公安終端 CA；供應商也可掃描 QR 碼。簽回的憑證在下一步匯入。</translation>
    </message>
    <message>
        <source>The certificate the police&apos;s terminal CA signed for this terminal&apos;s request, on the stick.</source>
        <translation>公安終端 CA 依本終端申請簽發的憑證，放在隨身碟上。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>Import the certificate</source>
        <translation>匯入憑證</translation>
    </message>
    <message>
        <source>Certificate for %1, valid until %2.
SHA-256: %3</source>
        <translation>憑證簽發給 %1，有效期至 %2。
SHA-256：%3</translation>
    </message>
    <message>
        <source>Checks the clock, the registration log, the gateway (one real sync round), the trust list, the camera and the readers. When all pass, the terminal starts.</source>
        <translation>檢查時鐘、登記記錄庫、閘道（實際同步一次）、信任清單、攝影機與讀卡機。全部通過後終端即開始運作。</translation>
    </message>
    <message>
        <source>Run the self-test</source>
        <translation>執行自檢</translation>
    </message>
    <message>
        <source>Enrolment is complete. The terminal starts now.</source>
        <translation>開通完成，終端即將啟動。</translation>
    </message>
    <message>
        <source>Not passed: put right what is marked ✗ and run it again.</source>
        <translation>未通過：請處理標有 ✗ 的項目後再次執行。</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>已開啟</translation>
    </message>
    <message>
        <source>a sync round succeeded</source>
        <translation>同步一次成功</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source>none configured</source>
        <translation>未設定（選用）</translation>
    </message>
    <message>
        <source>found automatically</source>
        <translation>自動尋找</translation>
    </message>
    <message>
        <source>none installed</source>
        <translation>未安裝</translation>
    </message>
    <message>
        <source>none installed: the gateway did not provide one</source>
        <translation>未安裝：閘道未提供信任清單</translation>
    </message>
    <message>
        <source>list %1, issued %2 s ago</source>
        <translation>清單 %1，%2 秒前簽發</translation>
    </message>
    <message>
        <source>The request made earlier (kept on this terminal).</source>
        <translation>先前產生的憑證申請（保存在本終端上）。</translation>
    </message>
    <message>
        <source>The request was written to the stick as %1.</source>
        <translation>憑證申請已寫到隨身碟，檔名 %1。</translation>
    </message>
</context>
<context>
    <name>lz::ui::FacePanel</name>
    <message>
        <source>Clerk compared the document photo with the guest: they match</source>
        <translation>工作人員已核對證件照片與本人：相符</translation>
    </message>
    <message>
        <source>Please look at the camera.</source>
        <translation>請看鏡頭。</translation>
    </message>
    <message>
        <source>We cannot see your face: please face the camera.</source>
        <translation>未看到您的面部，請正對鏡頭。</translation>
    </message>
    <message>
        <source>Slowly turn your head to your left.</source>
        <translation>請慢慢向左轉頭。</translation>
    </message>
    <message>
        <source>Slowly turn your head to your right.</source>
        <translation>請慢慢向右轉頭。</translation>
    </message>
    <message>
        <source>Please blink.</source>
        <translation>請眨眨眼。</translation>
    </message>
    <message>
        <source>No face found in the document photo. The clerk checks the photo.</source>
        <translation>證件照片中未找到人臉，由工作人員核對。</translation>
    </message>
    <message>
        <source>The camera is not available. The clerk checks the photo.</source>
        <translation>鏡頭無法使用，由工作人員核對證件照片。</translation>
    </message>
    <message>
        <source>The face check is not available. The clerk checks the photo.</source>
        <translation>人臉驗證無法使用，由工作人員核對證件照片。</translation>
    </message>
    <message>
        <source>The live check was not passed. The clerk checks the photo.</source>
        <translation>活體檢測未通過，由工作人員核對證件照片。</translation>
    </message>
    <message>
        <source>Same person</source>
        <translation>同一人</translation>
    </message>
    <message>
        <source>Not the same person. The clerk checks the photo.</source>
        <translation>人臉比對不一致，由工作人員核對證件照片。</translation>
    </message>
    <message>
        <source>Cannot tell. The clerk checks the photo.</source>
        <translation>無法判斷，由工作人員核對證件照片。</translation>
    </message>
    <message>
        <source>This document carries no photo (a QR code cannot), so there is no face check.</source>
        <translation>此證件不含照片（QR Code無法攜帶照片），不進行人臉驗證。</translation>
    </message>
    <message>
        <source>The photo from the phone is not the one the issuer signed: not used.</source>
        <translation>手機提供的照片與簽發機構簽章的照片不符，不予使用。</translation>
    </message>
    <message>
        <source>The face check is not available on this terminal (models not installed).</source>
        <translation>本終端機無法進行人臉驗證（未安裝模型）。</translation>
    </message>
    <message>
        <source>The photo could not be read from the phone: no face check.</source>
        <translation>未能從手機讀取照片，不進行人臉驗證。</translation>
    </message>
    <message>
        <source>No usable document photo: no face check.</source>
        <translation>沒有可用的證件照片，不進行人臉驗證。</translation>
    </message>
    <message>
        <source>Face check</source>
        <translation>人臉驗證</translation>
    </message>
    <message>
        <source>Clerk: compared the photo with the guest because…</source>
        <translation>工作人員核對說明：…</translation>
    </message>
    <message>
        <source>Photo matches the guest</source>
        <translation>照片與本人相符</translation>
    </message>
    <message>
        <source>Optional: the camera compares you with the document photo. No picture of your face is kept. If you prefer, the clerk checks the document instead.</source>
        <translation>自願參加：鏡頭將您與證件照片比對，不保存人臉影像。您也可以不參加，由工作人員核對證件。</translation>
    </message>
    <message>
        <source>No face check. The clerk checks the document photo.</source>
        <translation>不進行人臉驗證，由工作人員核對證件照片。</translation>
    </message>
    <message>
        <source>For the clerk: distance %1 (same person below %2, not the same from %3), model %4</source>
        <translation>供工作人員參考：距離 %1（低於 %2 為同一人，%3 及以上為不一致），模型 %4</translation>
    </message>
    <message>
        <source>For the clerk: the head turned the other way.</source>
        <translation>供工作人員參考：轉頭方向與要求相反。</translation>
    </message>
    <message>
        <source>For the clerk: the face in the picture changed suddenly (a picture swapped?).</source>
        <translation>供工作人員參考：畫面中的人臉突然變化（可能換了照片）。</translation>
    </message>
    <message>
        <source>For the clerk: the asked movement was not seen in time (a still picture?).</source>
        <translation>供工作人員參考：規定時間內未見到要求的動作（可能是靜態照片）。</translation>
    </message>
    <message>
        <source>I agree</source>
        <translation>同意驗證</translation>
    </message>
    <message>
        <source>No thanks</source>
        <translation>不參加</translation>
    </message>
</context>
<context>
    <name>lz::ui::KioskWindow</name>
    <message>
        <source>Liangzheng verification terminal</source>
        <translation>亮證驗證終端機</translation>
    </message>
    <message>
        <source>Camera unavailable. Please ask staff for help.</source>
        <translation>攝影機無法使用，請洽工作人員。</translation>
    </message>
</context>
<context>
    <name>lz::ui::NotEnrolledScreen</name>
    <message>
        <source>Staff PIN</source>
        <translation>工作人員密碼</translation>
    </message>
    <message>
        <source>Venue: type and code</source>
        <translation>場所：類型和編碼</translation>
    </message>
    <message>
        <source>Terminal ID</source>
        <translation>終端編號</translation>
    </message>
    <message>
        <source>Trust list</source>
        <translation>信任清單</translation>
    </message>
    <message>
        <source>Police gateway and this terminal&apos;s key</source>
        <translation>公安閘道與本終端金鑰</translation>
    </message>
    <message>
        <source>This terminal&apos;s certificate</source>
        <translation>本終端憑證</translation>
    </message>
    <message>
        <source>Self-test: camera, readers, clock, gateway</source>
        <translation>自檢：攝影機、讀卡機、時鐘、閘道</translation>
    </message>
    <message>
        <source>This terminal is not enrolled yet</source>
        <translation>本終端尚未開通</translation>
    </message>
    <message>
        <source>It verifies no one until enrolment is complete. Guests: please go to the desk.</source>
        <translation>開通完成前不核驗任何人。請到櫃檯辦理。</translation>
    </message>
    <message>
        <source>Staff: enrol it here, or with the command liangzheng-cli enrol (man liangzheng-cli). This screen changes by itself when the terminal is ready.</source>
        <translation>工作人員：可在此開通，或使用指令 liangzheng-cli enrol（見 man liangzheng-cli）。終端就緒後本畫面會自動切換。</translation>
    </message>
    <message>
        <source>Staff: enrol this terminal</source>
        <translation>工作人員：開通本終端</translation>
    </message>
</context>
<context>
    <name>lz::ui::PassportScreen</name>
    <message>
        <source>Passport or travel permit</source>
        <translation>護照或通行證</translation>
    </message>
    <message>
        <source>Type the document number, date of birth and date of expiry as printed in the machine-readable zone, or scan the zone&apos;s lines. The chip opens only with them.</source>
        <translation>請按機讀區輸入證件號碼、出生日期和有效期限，或掃描機讀區各行。晶片只有憑這些資料才能開啟。</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>證件號碼</translation>
    </message>
    <message>
        <source>Date of birth (YYMMDD)</source>
        <translation>出生日期（年年月月日日）</translation>
    </message>
    <message>
        <source>Date of expiry (YYMMDD)</source>
        <translation>有效期限（年年月月日日）</translation>
    </message>
    <message>
        <source>Or the machine-readable zone (scanned or typed, two or three lines):</source>
        <translation>或輸入機讀區（掃描或鍵入，兩行或三行）：</translation>
    </message>
    <message>
        <source>Machine-readable zone</source>
        <translation>機讀區</translation>
    </message>
    <message>
        <source>e.g. 880314</source>
        <translation>例如 880314</translation>
    </message>
    <message>
        <source>e.g. 330101</source>
        <translation>例如 330101</translation>
    </message>
    <message>
        <source>Read the chip</source>
        <translation>讀取晶片</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>返回首頁</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel reading</source>
        <translation>取消讀取</translation>
    </message>
    <message>
        <source>Place the document on the reader and keep it still</source>
        <translation>請將證件放在讀卡區並保持不動</translation>
    </message>
    <message>
        <source>Checking the document&apos;s signature…</source>
        <translation>正在驗證證件簽章…</translation>
    </message>
    <message>
        <source>Waiting for the document…</source>
        <translation>等待放置證件…</translation>
    </message>
    <message>
        <source>Chip opened. Reading…</source>
        <translation>晶片已開啟，正在讀取…</translation>
    </message>
    <message>
        <source>Reading the photo… %1 / %2 KB</source>
        <translation>正在讀取照片… %1 / %2 KB</translation>
    </message>
    <message>
        <source>Reading the security data…</source>
        <translation>正在讀取安全資料…</translation>
    </message>
    <message>
        <source>Reading the personal data…</source>
        <translation>正在讀取個人資料…</translation>
    </message>
    <message>
        <source>Reading progress</source>
        <translation>讀取進度</translation>
    </message>
    <message>
        <source>✓ Read from the machine-readable zone by the camera. Check the three fields, then read the chip.</source>
        <translation>✓ 已由攝影機讀取機讀區。請核對下方三項，再讀取晶片。</translation>
    </message>
    <message>
        <source>Or lay the photo page face up under the camera: the fields fill themselves.</source>
        <translation>也可將資料頁朝上放在攝影機下，下方三項會自動填寫。</translation>
    </message>
    <message>
        <source>Camera: the machine-readable zone is too small. Bring the page closer.</source>
        <translation>攝影機：機讀區太小，請將資料頁拿近一些。</translation>
    </message>
    <message>
        <source>Camera: a reflection covers the machine-readable zone. Tilt the page a little.</source>
        <translation>攝影機：機讀區有反光，請將資料頁稍微傾斜。</translation>
    </message>
    <message>
        <source>Camera: the machine-readable zone cannot be read. Lay the page flat and hold it still, or type the fields.</source>
        <translation>攝影機：機讀區無法辨識。請將資料頁放平、保持不動，或手動輸入。</translation>
    </message>
</context>
<context>
    <name>lz::ui::PinPad</name>
    <message>
        <source>No staff PIN is set. Set one with: liangzheng-cli staff set-pin</source>
        <translation>尚未設定員工密碼。請用以下指令設定：liangzheng-cli staff set-pin</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Locked until %1.</source>
        <translation>密碼錯誤次數過多，已鎖定至%1。</translation>
    </message>
    <message>
        <source>The stored PIN is unusable (%1). Set a new one.</source>
        <translation>已儲存的密碼無法使用（%1），請重新設定。</translation>
    </message>
    <message>
        <source>Wrong PIN. Locked until %1.</source>
        <translation>密碼錯誤，已鎖定至%1。</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n tries left.</source>
        <translation>
            <numerusform>密碼錯誤，還可嘗試%n次。</numerusform>
        </translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>員工密碼</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登入</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation>刪除最後一位</translation>
    </message>
    <message>
        <source>Staff sign-in</source>
        <translation>員工登入</translation>
    </message>
    <message>
        <source>Staff number (blank: administrator)</source>
        <translation>員工編號（管理員留空）</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>員工編號</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>密碼</translation>
    </message>
</context>
<context>
    <name>lz::ui::ReadyScreen</name>
    <message>
        <source>Please show the QR code of your electronic ID</source>
        <translation>請出示居民身分電子憑證QR Code</translation>
    </message>
    <message>
        <source>Scanning is unavailable right now. Please ask staff for help.</source>
        <translation>暫時無法掃碼，請洽工作人員</translation>
    </message>
    <message>
        <source>Camera picture</source>
        <translation>攝影機畫面</translation>
    </message>
    <message>
        <source>Same party, room %1: guest %2 of %3, please show your code</source>
        <translation>同行登記，房間%1：第%2位（共%3位），請出示QR Code</translation>
    </message>
    <message>
        <source>End party registration</source>
        <translation>結束同行登記</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>員工</translation>
    </message>
    <message>
        <source>Staff mode</source>
        <translation>員工模式</translation>
    </message>
    <message>
        <source>Please show the QR code of your electronic ID, or hold your phone to the reader</source>
        <translation>請出示居民身分電子憑證QR Code，或將手機貼近讀卡區</translation>
    </message>
    <message>
        <source>Please hold your phone to the reader</source>
        <translation>請將手機貼近讀卡區</translation>
    </message>
    <message>
        <source>Passport / travel permit</source>
        <translation>護照/通行證</translation>
    </message>
    <message>
        <source>Read a passport or travel permit</source>
        <translation>讀取護照或通行證</translation>
    </message>
    <message>
        <source>Please place your ID card on the card reader</source>
        <translation>請將身分證放在讀卡機上</translation>
    </message>
    <message>
        <source>Or place your ID card on the card reader</source>
        <translation>或刷身分證</translation>
    </message>
    <message>
        <source>Open the e-ID app on your phone</source>
        <translation>在手機上開啟居民身分電子憑證App</translation>
    </message>
    <message>
        <source>Show your ID code, the screen about 20 cm from the camera</source>
        <translation>出示QR Code，手機螢幕距攝影機約20公分</translation>
    </message>
    <message>
        <source>Or lay the phone flat on the reader&apos;s NFC mark and keep it there</source>
        <translation>或將手機平放在讀卡機的NFC標記上，保持不動</translation>
    </message>
    <message>
        <source>Lay the phone flat on the reader&apos;s NFC mark and keep it there</source>
        <translation>將手機平放在讀卡機的NFC標記上，保持不動</translation>
    </message>
    <message>
        <source>✓ Code recognised, checking…</source>
        <translation>✓ 已辨識，正在驗證…</translation>
    </message>
    <message>
        <source>This code was just checked. To check again, refresh it in the app.</source>
        <translation>此QR Code剛剛已驗證。如需再次驗證，請在App中重新整理。</translation>
    </message>
    <message>
        <source>Elder mode</source>
        <translation>長輩模式</translation>
    </message>
    <message>
        <source>Elder mode: larger text, spoken prompts, more time</source>
        <translation>長輩模式：大字、語音提示、更長時間</translation>
    </message>
</context>
<context>
    <name>lz::ui::RegistrationForm</name>
    <message>
        <source>Room number</source>
        <translation>房號</translation>
    </message>
    <message>
        <source>Seat number</source>
        <translation>座位號</translation>
    </message>
    <message>
        <source>Service item</source>
        <translation>辦理事項</translation>
    </message>
    <message>
        <source>Window number</source>
        <translation>窗口號</translation>
    </message>
    <message>
        <source>Waybill number</source>
        <translation>運單號碼</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>入住時間</translation>
    </message>
    <message>
        <source>Expected check-out</source>
        <translation>預計退房時間</translation>
    </message>
    <message>
        <source>Guests in the party</source>
        <translation>同行人數</translation>
    </message>
    <message>
        <source>Session starts</source>
        <translation>上機時間</translation>
    </message>
    <message>
        <source>Household registration</source>
        <translation>戶籍業務</translation>
    </message>
    <message>
        <source>Social security</source>
        <translation>社會保險業務</translation>
    </message>
    <message>
        <source>Business licence</source>
        <translation>營業執照</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>稅務</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Visa or residence type</source>
        <translation>簽證/居留類型</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— 請選擇 —</translation>
    </message>
    <message>
        <source>number</source>
        <translation>號碼</translation>
    </message>
    <message>
        <source>Visa or permit number</source>
        <translation>簽證/居留許可號碼</translation>
    </message>
    <message>
        <source>port</source>
        <translation>口岸</translation>
    </message>
    <message>
        <source>Port of entry</source>
        <translation>入境口岸</translation>
    </message>
    <message>
        <source>Entry (date, port)</source>
        <translation>入境（日期、口岸）</translation>
    </message>
    <message>
        <source>Date of entry</source>
        <translation>入境日期</translation>
    </message>
    <message>
        <source>Stay permitted until</source>
        <translation>停留有效期至</translation>
    </message>
</context>
<context>
    <name>lz::ui::ResultScreen</name>
    <message>
        <source>Please fill in: %1</source>
        <translation>請填寫：%1</translation>
    </message>
    <message numerus="yes">
        <source>Returns to the start in %n s</source>
        <translation>
            <numerusform>%n秒後返回首頁</numerusform>
        </translation>
    </message>
    <message>
        <source>Register</source>
        <translation>登記</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Done, back to the start</source>
        <translation>完成，返回首頁</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>登記資料</translation>
    </message>
    <message>
        <source>✗  Not verified</source>
        <translation>✗  驗證未通過</translation>
    </message>
    <message>
        <source>✓  Verified</source>
        <translation>✓  驗證通過</translation>
    </message>
    <message>
        <source>Demo credential (DEMO issuer): for demonstration only</source>
        <translation>示範憑證（示範簽發機構）：僅供示範</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性別</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>證件號碼</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>證件類型</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>憑證等級</translation>
    </message>
    <message>
        <source>No photo in this credential</source>
        <translation>此憑證無照片</translation>
    </message>
    <message>
        <source>Registering…</source>
        <translation>正在登記…</translation>
    </message>
    <message>
        <source>✓ Registered and saved</source>
        <translation>✓ 已登記並儲存</translation>
    </message>
    <message>
        <source>Read by: %1</source>
        <translation>讀取方式：%1</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>國籍</translation>
    </message>
    <message>
        <source>Date of expiry</source>
        <translation>有效期限</translation>
    </message>
    <message>
        <source>Document chip genuine: signed in %1 (%2, active authentication)</source>
        <translation>證件晶片真實：由 %1 簽發（%2，主動認證）</translation>
    </message>
    <message>
        <source>Chip data genuine: signed in %1 (%2); chip not checked against copying</source>
        <translation>晶片資料真實：由 %1 簽發（%2）；晶片未做防複製驗證</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年齡</translation>
    </message>
    <message>
        <source>18 or over</source>
        <translation>已滿18歲</translation>
    </message>
    <message>
        <source>Under 18</source>
        <translation>未滿18歲</translation>
    </message>
    <message>
        <source>Reason to register anyway</source>
        <translation>仍需登記的理由</translation>
    </message>
    <message>
        <source>Reason to register anyway (logged with your staff id)</source>
        <translation>仍需登記的理由（與您的員工編號一併記錄）</translation>
    </message>
    <message>
        <source>Long-term</source>
        <translation>長期</translation>
    </message>
    <message>
        <source>The face check is still running.</source>
        <translation>人臉驗證尚未結束。</translation>
    </message>
    <message>
        <source>the clerk&apos;s check of the document photo</source>
        <translation>工作人員對證件照片的核對</translation>
    </message>
    <message>
        <source>Next guest&apos;s code read: please wait</source>
        <translation>下一位已掃碼，請稍候</translation>
    </message>
</context>
<context>
    <name>lz::ui::StaffDevicesPage</name>
    <message>
        <source>Testing the devices…</source>
        <translation>正在檢測裝置…</translation>
    </message>
    <message>
        <source>Run self-test</source>
        <translation>執行自我檢測</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>攝影機</translation>
    </message>
    <message>
        <source>NFC reader</source>
        <translation>NFC讀卡機</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>掃描器</translation>
    </message>
    <message>
        <source>working, %1 frames/s</source>
        <translation>正常，%1 影格/秒</translation>
    </message>
    <message>
        <source>working</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>啟動中</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>無法使用</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>未設定</translation>
    </message>
</context>
<context>
    <name>lz::ui::StaffForwardingPage</name>
    <message>
        <source>Sync now</source>
        <translation>立即上報</translation>
    </message>
    <message>
        <source>Gateway configured.</source>
        <translation>已設定上報伺服器。</translation>
    </message>
    <message>
        <source>No gateway configured: records stay here.</source>
        <translation>未設定上報伺服器：紀錄僅保存在本機。</translation>
    </message>
    <message>
        <source>Waiting to be forwarded: %1</source>
        <translation>待上報：%1</translation>
    </message>
    <message>
        <source>Set aside by the gateway: %1</source>
        <translation>遭上報伺服器擱置：%1</translation>
    </message>
    <message>
        <source>Oldest waiting: %1</source>
        <translation>最早待上報：%1</translation>
    </message>
    <message>
        <source>Last success: %1</source>
        <translation>上次成功：%1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>從未</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>上次錯誤：%1</translation>
    </message>
    <message>
        <source>Next attempt: %1</source>
        <translation>下次嘗試：%1</translation>
    </message>
    <message numerus="yes">
        <source>Warning: this terminal&apos;s clock differs from the gateway&apos;s by %n s.</source>
        <translation>
            <numerusform>警告：本終端機時間與上報伺服器相差%n秒。</numerusform>
        </translation>
    </message>
    <message>
        <source>Registration log unavailable: %1</source>
        <translation>登記紀錄無法使用：%1</translation>
    </message>
    <message>
        <source>Back up to the USB stick</source>
        <translation>備份到隨身碟</translation>
    </message>
</context>
<context>
    <name>lz::ui::StaffManualPage</name>
    <message>
        <source>Say why the document could not be read; it is logged and forwarded.</source>
        <translation>請說明證件無法讀取的原因，此操作將被記錄並上報。</translation>
    </message>
    <message>
        <source>Fill in: %1</source>
        <translation>請填寫：%1</translation>
    </message>
    <message>
        <source>Only when no reader can read the guest&apos;s document: type it from the document in your hand. It is recorded as registered by staff, not verified, with your staff number and the reason.</source>
        <translation>僅在所有讀卡設備都無法讀取證件時使用：請對照手中的證件輸入。將記錄為工作人員補登（未經驗證），並附您的員工編號和原因。</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>證件類型</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>證件號碼</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Nationality (3 letters)</source>
        <translation>國籍（3碼英文代碼）</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性別</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Why no reader could read it</source>
        <translation>無法讀取的原因</translation>
    </message>
    <message>
        <source>e.g. ID card reader broken, card checked by eye</source>
        <translation>例如：身分證讀卡機故障，已人工核對證件</translation>
    </message>
    <message>
        <source>Register by hand</source>
        <translation>補登</translation>
    </message>
</context>
<context>
    <name>lz::ui::StaffRecordsPage</name>
    <message>
        <source>Select a record first.</source>
        <translation>請先選擇一筆紀錄。</translation>
    </message>
    <message>
        <source>Give a reason for showing the full record; it is logged.</source>
        <translation>請填寫檢視完整紀錄的原因，此操作將被記錄。</translation>
    </message>
    <message>
        <source>Select a guest&apos;s hotel registration first.</source>
        <translation>請先選擇一筆住宿登記。</translation>
    </message>
    <message numerus="yes">
        <source>Shown in full for %n s; this access was logged.</source>
        <translation>
            <numerusform>完整資料將顯示%n秒，本次檢視已記錄。</numerusform>
        </translation>
    </message>
    <message>
        <source>Search name, number, room, seat…</source>
        <translation>搜尋姓名、證件號碼、房號、座位號…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜尋</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Show in full</source>
        <translation>顯示完整資料</translation>
    </message>
    <message>
        <source>Check out</source>
        <translation>退房</translation>
    </message>
    <message>
        <source>Record the guest&apos;s departure</source>
        <translation>登記住客離店</translation>
    </message>
    <message>
        <source>Export file</source>
        <translation>匯出檔案</translation>
    </message>
    <message>
        <source>Export CSV (masked)</source>
        <translation>匯出CSV（已遮罩）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>證件號碼</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Room / seat / item</source>
        <translation>房號 / 座位號 / 辦理事項</translation>
    </message>
    <message>
        <source>Forwarding</source>
        <translation>上報</translation>
    </message>
    <message>
        <source>(removed after retention)</source>
        <translation>（保留期滿，已刪除）</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>已登記</translation>
    </message>
    <message>
        <source>Checked out</source>
        <translation>已退房</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>已拒絕：%1</translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation>已上報</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>待上報</translation>
    </message>
    <message>
        <source>Set aside: %1</source>
        <translation>已擱置：%1</translation>
    </message>
    <message>
        <source>Registered by staff (not verified)</source>
        <translation>工作人員補登（未經驗證）</translation>
    </message>
    <message>
        <source>Give a reason for the void; it is logged and forwarded.</source>
        <translation>請填寫作廢原因，此操作將被記錄並上報。</translation>
    </message>
    <message>
        <source>Fill in: %1</source>
        <translation>請填寫：%1</translation>
    </message>
    <message>
        <source>Give a reason for the correction; it is logged and forwarded.</source>
        <translation>請填寫更正原因，此操作將被記錄並上報。</translation>
    </message>
    <message>
        <source>Select a registration first.</source>
        <translation>請先選擇一筆登記。</translation>
    </message>
    <message>
        <source>This registration was voided already.</source>
        <translation>此登記已作廢。</translation>
    </message>
    <message>
        <source>Correct the registration of %1 (%2): the record stays, a correction is added</source>
        <translation>更正 %1 的登記（%2）：原紀錄保留，另加一筆更正紀錄</translation>
    </message>
    <message>
        <source>Reason to show in full, void or correct (logged)</source>
        <translation>檢視完整資料、作廢或更正的原因（將被記錄）</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>作廢</translation>
    </message>
    <message>
        <source>Void the registration (made by mistake)</source>
        <translation>作廢此登記（誤登記）</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Correct the registration&apos;s details</source>
        <translation>更正此登記的資料</translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation>儲存更正</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Void of an earlier registration: %1</source>
        <translation>作廢先前登記，原因：%1</translation>
    </message>
    <message>
        <source>Correction of an earlier registration: %1</source>
        <translation>更正先前登記，原因：%1</translation>
    </message>
    <message>
        <source>voided</source>
        <translation>已作廢</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>已更正</translation>
    </message>
    <message>
        <source>Press Void again to void this registration (final; logged and forwarded).</source>
        <translation>再按一次「作廢」以作廢此登記（不可撤銷，將被記錄並上報）。</translation>
    </message>
</context>
<context>
    <name>lz::ui::StaffScreen</name>
    <message>
        <source>Today&apos;s registrations</source>
        <translation>今日登記</translation>
    </message>
    <message>
        <source>Forwarding</source>
        <translation>上報</translation>
    </message>
    <message>
        <source>Trust list</source>
        <translation>信任清單</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>裝置</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Back to guest screen</source>
        <translation>返回訪客畫面</translation>
    </message>
    <message>
        <source>Leave kiosk mode</source>
        <translation>離開自助模式</translation>
    </message>
    <message>
        <source>Signed in: %1</source>
        <translation>已登入：%1</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>管理員</translation>
    </message>
    <message>
        <source>Register by hand</source>
        <translation>補登</translation>
    </message>
</context>
<context>
    <name>lz::ui::StaffSettingsPage</name>
    <message>
        <source>A PIN is 4 to 12 digits.</source>
        <translation>密碼須為4至12位數字。</translation>
    </message>
    <message>
        <source>The venue code may not be empty.</source>
        <translation>場所編碼不得為空。</translation>
    </message>
    <message>
        <source>Venue type</source>
        <translation>場所類型</translation>
    </message>
    <message>
        <source>Venue code</source>
        <translation>場所編碼</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>終端機</translation>
    </message>
    <message>
        <source>Window number</source>
        <translation>窗口號</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>攝影機</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解析度</translation>
    </message>
    <message>
        <source>Sounds</source>
        <translation>提示音</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation>大字模式</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>高對比</translation>
    </message>
    <message>
        <source>Return to start after (s)</source>
        <translation>返回首頁等待時間（秒）</translation>
    </message>
    <message>
        <source>Keep records after forwarding (days)</source>
        <translation>上報後紀錄保留時間（天）</translation>
    </message>
    <message>
        <source>0, /dev/video0 or a video file; blank: default</source>
        <translation>0、/dev/video0 或影片檔；留空：預設</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>儲存設定</translation>
    </message>
    <message>
        <source>A staff number is 1 to 16 letters, digits, - or _ (not &quot;admin&quot;).</source>
        <translation>員工編號為1至16位字母、數字、- 或 _（不可為「admin」）。</translation>
    </message>
    <message>
        <source>No clerk has that staff number.</source>
        <translation>沒有該員工編號的員工。</translation>
    </message>
    <message>
        <source>None yet: add each clerk with their own PIN.</source>
        <translation>尚無員工：請為每位員工設定各自的密碼。</translation>
    </message>
    <message>
        <source>Clerk on duty (last signed in)</source>
        <translation>值班員工（最近登入）</translation>
    </message>
    <message>
        <source>New administrator PIN (blank: unchanged)</source>
        <translation>新管理員密碼（留空則不變）</translation>
    </message>
    <message>
        <source>Clerks</source>
        <translation>員工</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>員工編號</translation>
    </message>
    <message>
        <source>Name (staff only)</source>
        <translation>姓名（僅員工可見）</translation>
    </message>
    <message>
        <source>Their PIN</source>
        <translation>該員工的密碼</translation>
    </message>
    <message>
        <source>Add clerk / set PIN</source>
        <translation>新增員工 / 設定密碼</translation>
    </message>
    <message>
        <source>Remove clerk</source>
        <translation>刪除員工</translation>
    </message>
</context>
<context>
    <name>lz::ui::StaffTrustPage</name>
    <message>
        <source>No trust list installed: every code is refused until one is.</source>
        <translation>未安裝信任清單：安裝前所有QR Code都會被拒絕。</translation>
    </message>
    <message>
        <source>Version (sequence): %1</source>
        <translation>版本（序號）：%1</translation>
    </message>
    <message>
        <source>Age: %1</source>
        <translation>簽發至今：%1</translation>
    </message>
    <message>
        <source>Next update due: %1</source>
        <translation>下次應更新時間：%1</translation>
    </message>
    <message>
        <source>Out of date: update it.</source>
        <translation>已過期：請更新。</translation>
    </message>
    <message>
        <source>Current.</source>
        <translation>已是最新。</translation>
    </message>
    <message>
        <source>DEMO trust list: demo mode only.</source>
        <translation>示範信任清單：僅用於示範模式。</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
</context>
<context>
    <name>lz::ui::StatusStrip</name>
    <message>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n分鐘</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n小時</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n天</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · terminal %2</source>
        <translation>%1 · 終端機%2</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>示範</translation>
    </message>
    <message>
        <source>%1 ready</source>
        <translation>%1就緒</translation>
    </message>
    <message>
        <source>%1 starting</source>
        <translation>%1啟動中</translation>
    </message>
    <message>
        <source>%1 unavailable</source>
        <translation>%1無法使用</translation>
    </message>
    <message>
        <source>%1 not configured</source>
        <translation>%1未設定</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>攝影機</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>掃描器</translation>
    </message>
    <message>
        <source>NFC</source>
        <translation>NFC</translation>
    </message>
    <message>
        <source>ID card</source>
        <translation>身分證</translation>
    </message>
    <message>
        <source>Staff: no trust list</source>
        <translation>員工：無信任清單</translation>
    </message>
    <message>
        <source>Staff: trust list out of date</source>
        <translation>員工：信任清單已過期</translation>
    </message>
    <message>
        <source>Staff: no police gateway set, records stay here</source>
        <translation>員工：未設定公安上報，紀錄僅存本機</translation>
    </message>
    <message>
        <source>Staff: records are not reaching the police gateway</source>
        <translation>員工：紀錄未能上報公安系統</translation>
    </message>
</context>
</TS>
