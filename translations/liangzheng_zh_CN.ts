<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Texts</name>
    <message>
        <source>Verified</source>
        <translation>核验通过</translation>
    </message>
    <message>
        <source>This is not an electronic ID code. Please show the QR code of your electronic ID.</source>
        <translation>这不是居民身份电子凭证二维码，请出示居民身份电子凭证二维码。</translation>
    </message>
    <message>
        <source>This code is newer than this terminal supports. Please ask staff for help.</source>
        <translation>此二维码版本过新，本终端暂不支持，请联系工作人员。</translation>
    </message>
    <message>
        <source>The issuer of this credential is not known to this terminal.</source>
        <translation>本终端无法识别此凭证的签发机构。</translation>
    </message>
    <message>
        <source>The credential&apos;s signature is not valid (it may have been altered).</source>
        <translation>凭证签名无效（可能已被篡改）。</translation>
    </message>
    <message>
        <source>This code does not come from the holder&apos;s phone (it may be a copy).</source>
        <translation>此二维码不是从持证人本人手机出示的（可能是复制的）。</translation>
    </message>
    <message>
        <source>This credential is not valid yet.</source>
        <translation>此凭证尚未生效。</translation>
    </message>
    <message>
        <source>This credential has expired. Please renew it in the app.</source>
        <translation>此凭证已过期，请在App中更新。</translation>
    </message>
    <message>
        <source>This QR code has expired. Please refresh it and show it again.</source>
        <translation>二维码已过期，请刷新后重新出示。</translation>
    </message>
    <message>
        <source>This QR code&apos;s time is wrong. Please check the phone&apos;s clock and refresh.</source>
        <translation>二维码时间有误，请检查手机时间后刷新。</translation>
    </message>
    <message>
        <source>This QR code has already been used.</source>
        <translation>此二维码已被使用。</translation>
    </message>
    <message>
        <source>This credential has been revoked.</source>
        <translation>此凭证已被撤销。</translation>
    </message>
    <message>
        <source>This terminal&apos;s trust list is out of date. Please contact the administrator.</source>
        <translation>本终端信任列表已过期，请联系管理员。</translation>
    </message>
    <message>
        <source>This terminal&apos;s clock is wrong. Please contact the administrator.</source>
        <translation>本终端时间有误，请联系管理员。</translation>
    </message>
    <message>
        <source>Not verified.</source>
        <translation>核验未通过</translation>
    </message>
    <message>
        <source>Under 18: by law, minors may not enter an internet café.</source>
        <translation>未满18周岁，依法不得进入网吧。</translation>
    </message>
    <message>
        <source>This person may not be registered here.</source>
        <translation>此人不得在本场所登记。</translation>
    </message>
    <message>
        <source>Move the phone closer</source>
        <translation>请将手机靠近一些</translation>
    </message>
    <message>
        <source>Move the phone a little further away</source>
        <translation>请将手机稍微拿远一些</translation>
    </message>
    <message>
        <source>Hold the phone still</source>
        <translation>请拿稳手机</translation>
    </message>
    <message>
        <source>Glare on the screen: tilt the phone slightly</source>
        <translation>屏幕反光，请稍微倾斜手机</translation>
    </message>
    <message>
        <source>Resident ID e-credential</source>
        <translation>居民身份电子凭证</translation>
    </message>
    <message>
        <source>Residence permit for Hong Kong, Macao and Taiwan residents</source>
        <translation>港澳台居民居住证</translation>
    </message>
    <message>
        <source>Foreigner&apos;s permanent residence ID</source>
        <translation>外国人永久居留身份证</translation>
    </message>
    <message>
        <source>Mainland travel permit</source>
        <translation>来往内地通行证</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>升级版</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>轻量版</translation>
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
        <translation>酒店</translation>
    </message>
    <message>
        <source>Internet café</source>
        <translation>网吧</translation>
    </message>
    <message>
        <source>Government service window</source>
        <translation>政务服务窗口</translation>
    </message>
    <message>
        <source>Parcel counter</source>
        <translation>快递收寄点</translation>
    </message>
    <message>
        <source>Not registered: the disk is full. Please call the administrator.</source>
        <translation>未登记：磁盘已满，请联系管理员。</translation>
    </message>
    <message>
        <source>Not registered: please fill in every field.</source>
        <translation>未登记：请填写所有项目。</translation>
    </message>
    <message>
        <source>Not registered: the registration log is unavailable. Please call the administrator.</source>
        <translation>未登记：登记日志不可用，请联系管理员。</translation>
    </message>
    <message>
        <source>Not registered: an error occurred. Please try again.</source>
        <translation>未登记：发生错误，请重试。</translation>
    </message>
    <message>
        <source>Not an e-ID code</source>
        <translation>非居民身份电子凭证二维码</translation>
    </message>
    <message>
        <source>Unsupported version</source>
        <translation>版本不支持</translation>
    </message>
    <message>
        <source>Unknown issuer</source>
        <translation>签发机构未知</translation>
    </message>
    <message>
        <source>Forged or altered</source>
        <translation>伪造或篡改</translation>
    </message>
    <message>
        <source>Not from the holder&apos;s phone</source>
        <translation>非持证人本人手机</translation>
    </message>
    <message>
        <source>Not yet valid</source>
        <translation>尚未生效</translation>
    </message>
    <message>
        <source>Credential expired</source>
        <translation>凭证已过期</translation>
    </message>
    <message>
        <source>Code expired</source>
        <translation>二维码已过期</translation>
    </message>
    <message>
        <source>Code time wrong</source>
        <translation>二维码时间有误</translation>
    </message>
    <message>
        <source>Already used</source>
        <translation>已被使用</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Trust list out of date</source>
        <translation>信任列表已过期</translation>
    </message>
    <message>
        <source>Terminal clock wrong</source>
        <translation>终端时间有误</translation>
    </message>
    <message>
        <source>QR code, camera</source>
        <translation>二维码，摄像头</translation>
    </message>
    <message>
        <source>Keep the phone on the reader until the result appears</source>
        <translation>请将手机贴在读卡区保持不动，直到显示结果</translation>
    </message>
    <message>
        <source>This card cannot be read here. Please show the QR code of your electronic ID.</source>
        <translation>此卡无法在这里读取。请出示居民身份电子凭证二维码。</translation>
    </message>
    <message>
        <source>No electronic ID answered. Open the ID wallet on the phone and hold it to the reader again.</source>
        <translation>未读到居民身份电子凭证。请在手机上打开居民身份电子凭证App，再将手机贴近读卡区。</translation>
    </message>
    <message>
        <source>The phone declined. Confirm in the ID wallet and hold it to the reader again.</source>
        <translation>手机拒绝了读取。请在居民身份电子凭证App中确认后，再将手机贴近读卡区。</translation>
    </message>
    <message>
        <source>The reader could not read it. Please hold the phone to the reader again.</source>
        <translation>读卡失败。请再次将手机贴近读卡区。</translation>
    </message>
    <message>
        <source>Phone, NFC tap</source>
        <translation>手机碰一碰（NFC）</translation>
    </message>
    <message>
        <source>QR code, scanner</source>
        <translation>二维码，扫码器</translation>
    </message>
    <message>
        <source>The document&apos;s chip data is not signed correctly (it may have been altered).</source>
        <translation>证件芯片数据的签名不正确（可能已被篡改）。</translation>
    </message>
    <message>
        <source>The document&apos;s issuing country is not in this terminal&apos;s trust list.</source>
        <translation>本终端的信任列表中没有该证件签发国的根证书。</translation>
    </message>
    <message>
        <source>The certificate that signed this document has expired or is not yet valid.</source>
        <translation>签署该证件的证书已过期或尚未生效。</translation>
    </message>
    <message>
        <source>The certificate that signed this document is not valid.</source>
        <translation>签署该证件的证书无效。</translation>
    </message>
    <message>
        <source>The chip&apos;s data does not match its signature (it may have been altered).</source>
        <translation>芯片数据与其签名不符（可能已被篡改）。</translation>
    </message>
    <message>
        <source>The document&apos;s chip data could not be understood. Please check the document by hand.</source>
        <translation>无法解析证件芯片数据，请人工核验证件。</translation>
    </message>
    <message>
        <source>This document has expired.</source>
        <translation>该证件已过期。</translation>
    </message>
    <message>
        <source>The certificate that signed this document has been revoked.</source>
        <translation>签署该证件的证书已被吊销。</translation>
    </message>
    <message>
        <source>Chip signature invalid</source>
        <translation>芯片签名无效</translation>
    </message>
    <message>
        <source>Unknown issuing country</source>
        <translation>签发国未知</translation>
    </message>
    <message>
        <source>Signer certificate expired</source>
        <translation>签名证书已过期</translation>
    </message>
    <message>
        <source>Signer certificate invalid</source>
        <translation>签名证书无效</translation>
    </message>
    <message>
        <source>Chip data altered</source>
        <translation>芯片数据被篡改</translation>
    </message>
    <message>
        <source>Document chip (NFC)</source>
        <translation>证件芯片（NFC）</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <source>Travel document</source>
        <translation>旅行证件</translation>
    </message>
    <message>
        <source>Unspecified</source>
        <translation>未说明</translation>
    </message>
    <message>
        <source>The document number must be letters and digits only.</source>
        <translation>证件号码只能包含字母和数字。</translation>
    </message>
    <message>
        <source>The date of birth must be six digits YYMMDD and a real date.</source>
        <translation>出生日期须为6位数字（年年月月日日），且为有效日期。</translation>
    </message>
    <message>
        <source>The date of expiry must be six digits YYMMDD and a real date.</source>
        <translation>有效期须为6位数字（年年月月日日），且为有效日期。</translation>
    </message>
    <message>
        <source>The document number does not match its check digit: please read it again.</source>
        <translation>证件号码与校验位不符，请重新核对。</translation>
    </message>
    <message>
        <source>The date of birth does not match its check digit: please read it again.</source>
        <translation>出生日期与校验位不符，请重新核对。</translation>
    </message>
    <message>
        <source>The date of expiry does not match its check digit: please read it again.</source>
        <translation>有效期与校验位不符，请重新核对。</translation>
    </message>
    <message>
        <source>The machine-readable zone does not add up (check digit): please scan it again.</source>
        <translation>机读区校验位不符，请重新扫描。</translation>
    </message>
    <message>
        <source>This is not a machine-readable zone of two or three lines.</source>
        <translation>这不是两行或三行的机读区。</translation>
    </message>
    <message>
        <source>The chip did not accept these details. Check the document number and both dates.</source>
        <translation>芯片未接受这些信息，请核对证件号码和两个日期。</translation>
    </message>
    <message>
        <source>The document was moved away. Place it on the reader again and keep it still.</source>
        <translation>证件被移开了，请重新放到读卡区并保持不动。</translation>
    </message>
    <message>
        <source>This is not a passport chip. Place the document&apos;s chip (in the cover or the card) on the reader.</source>
        <translation>这不是护照芯片，请将证件的芯片部位（封皮或卡片）放在读卡区。</translation>
    </message>
    <message>
        <source>No document was read. Place it on the reader and try again.</source>
        <translation>未读到证件，请放到读卡区后重试。</translation>
    </message>
    <message>
        <source>The reader is not working. Please ask staff for help.</source>
        <translation>读卡器无法工作，请联系工作人员。</translation>
    </message>
    <message>
        <source>Photo format not supported</source>
        <translation>不支持该照片格式</translation>
    </message>
    <message>
        <source>The photo on the chip could not be decoded</source>
        <translation>芯片中的照片无法解码</translation>
    </message>
    <message>
        <source>Visa-free entry</source>
        <translation>免签入境</translation>
    </message>
    <message>
        <source>Residence permit</source>
        <translation>居留许可</translation>
    </message>
    <message>
        <source>Port visa</source>
        <translation>口岸签证</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Visa %1</source>
        <translation>%1字签证</translation>
    </message>
    <message>
        <source>The chip failed its anti-copying check: it may be a cloned chip.</source>
        <translation>芯片未通过防复制校验，可能是克隆芯片。</translation>
    </message>
    <message>
        <source>Cloned chip?</source>
        <translation>疑似克隆芯片</translation>
    </message>
    <message>
        <source>Already checked in (room %1). To register anyway, give a reason.</source>
        <translation>已入住（%1号房）。如仍需登记，请填写理由。</translation>
    </message>
    <message>
        <source>Not registered: this guest already holds an open stay.</source>
        <translation>未登记：该住客已入住且尚未退房。</translation>
    </message>
    <message>
        <source>Not registered: the check is too old. Please show the code again.</source>
        <translation>未登记：核验结果已失效，请重新出示二维码。</translation>
    </message>
    <message>
        <source>Not registered: the clerk on duty (staff settings) and a reason are needed to register anyway.</source>
        <translation>未登记：如仍需登记，须有值班员工（见员工设置）并填写理由。</translation>
    </message>
    <message>
        <source>This ID card did not pass the card reader&apos;s authentication.</source>
        <translation>此证件未通过读卡器认证。</translation>
    </message>
    <message>
        <source>This card&apos;s data contradicts itself (number, birth date or sex). Please check the card by hand and ask staff.</source>
        <translation>此证件的信息自相矛盾（号码、出生日期或性别不符）。请人工核对证件并联系工作人员。</translation>
    </message>
    <message>
        <source>This ID card has expired.</source>
        <translation>此证件已过期。</translation>
    </message>
    <message>
        <source>The card reader returned data that is not a card&apos;s. Please place the card again.</source>
        <translation>读卡器返回的不是证件数据。请重新放置证件。</translation>
    </message>
    <message>
        <source>Card not authenticated</source>
        <translation>证件未通过认证</translation>
    </message>
    <message>
        <source>Card data inconsistent</source>
        <translation>证件信息不一致</translation>
    </message>
    <message>
        <source>Card expired</source>
        <translation>证件已过期</translation>
    </message>
    <message>
        <source>ID card, card reader</source>
        <translation>身份证，读卡器</translation>
    </message>
    <message>
        <source>Please place the ID card on the ID card reader.</source>
        <translation>请将身份证放在身份证阅读器上。</translation>
    </message>
    <message>
        <source>Place the ID card on the card reader again and keep it still.</source>
        <translation>请将身份证重新放在读卡器上并保持不动。</translation>
    </message>
    <message>
        <source>This card could not be read. Please ask staff for help.</source>
        <translation>无法读取此证件。请联系工作人员。</translation>
    </message>
    <message>
        <source>The ID card reader is not working. Please ask staff for help.</source>
        <translation>身份证阅读器工作异常。请联系工作人员。</translation>
    </message>
    <message>
        <source>The ID card photo could not be decoded</source>
        <translation>证件照片无法解码</translation>
    </message>
    <message>
        <source>Resident ID card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <source>Permanent residence</source>
        <translation>永久居留</translation>
    </message>
    <message>
        <source>Permanent residence card</source>
        <translation>外国人永久居留身份证</translation>
    </message>
    <message>
        <source>Photo: reader vendor&apos;s decoder needed</source>
        <translation>证件照片需读卡器厂商解码库</translation>
    </message>
    <message>
        <source>Not registered: the face check did not confirm the guest. The clerk on duty (staff settings) compares the document photo with the guest and gives a reason.</source>
        <translation>未登记：人脸核验未确认本人。须由值班人员（员工设置）核对证件照片与本人并填写说明。</translation>
    </message>
    <message>
        <source>Not saved: this registration cannot be voided or corrected.</source>
        <translation>未保存：此登记无法作废或更正。</translation>
    </message>
    <message>
        <source>You are already checked in here. Please ask at the desk.</source>
        <translation>您已在本店入住，请到前台咨询。</translation>
    </message>
    <message>
        <source>Not registered: under 18</source>
        <translation>不予登记：未满18周岁</translation>
    </message>
    <message>
        <source>Not registered: already checked in</source>
        <translation>不予登记：已有在住登记</translation>
    </message>
    <message>
        <source>Not registered here</source>
        <translation>不予登记</translation>
    </message>
    <message>
        <source>Please ask at the desk</source>
        <translation>请到前台咨询</translation>
    </message>
    <message>
        <source>Hold the phone to the reader again</source>
        <translation>再次将手机贴近读卡区</translation>
    </message>
    <message>
        <source>Hold it to the camera</source>
        <translation>对准摄像头</translation>
    </message>
    <message>
        <source>Open the app</source>
        <translation>打开App</translation>
    </message>
    <message>
        <source>Confirm in the app</source>
        <translation>在App中确认</translation>
    </message>
    <message>
        <source>Refresh the code</source>
        <translation>刷新二维码</translation>
    </message>
    <message>
        <source>Open the e-ID app</source>
        <translation>打开居民身份电子凭证App</translation>
    </message>
    <message>
        <source>Show your ID code</source>
        <translation>出示二维码</translation>
    </message>
    <message>
        <source>Renew it in the app</source>
        <translation>在App中更新凭证</translation>
    </message>
    <message>
        <source>Please ask staff for help</source>
        <translation>请联系工作人员</translation>
    </message>
    <message>
        <source>Staff: the guest is under 18 — by law no entry to an internet café. Nothing was registered.</source>
        <translation>员工：该顾客未满18周岁，依法不得进入网吧。未作登记。</translation>
    </message>
    <message>
        <source>Staff: already checked in, room %1. Record the check-out first, or void a mistaken registration in staff mode.</source>
        <translation>员工：已入住（%1号房）。请先办理退房，或在员工模式中作废误登记。</translation>
    </message>
    <message>
        <source>Staff: this person may not be registered at this venue.</source>
        <translation>员工：此人不得在本场所登记。</translation>
    </message>
    <message>
        <source>Staff: the code itself cannot be used — a fresh one from the guest&apos;s app is needed.</source>
        <translation>员工：此码本身无法使用，需要顾客在App中重新出示。</translation>
    </message>
    <message>
        <source>Staff: the document is not valid today — another valid document is needed.</source>
        <translation>员工：该证件当前无效，需要其他有效证件。</translation>
    </message>
    <message>
        <source>Staff: possibly forged or altered — check the document by hand. The attempt is logged.</source>
        <translation>员工：可能为伪造或篡改，请人工核验证件。此次尝试已记录。</translation>
    </message>
    <message>
        <source>Staff: the terminal needs maintenance (trust list or clock): see staff mode.</source>
        <translation>员工：终端需要维护（信任列表或时钟），请进入员工模式查看。</translation>
    </message>
    <message>
        <source>Chinese citizen of foreign origin</source>
        <translation>外国血统中国籍人士</translation>
    </message>
    <message>
        <source>The chip could not be read. Place the document on the reader again.</source>
        <translation>无法读取芯片，请重新放置证件。</translation>
    </message>
</context>
<context>
    <name>lz::CameraFeed</name>
    <message>
        <source>the video ended</source>
        <translation>视频已播放完毕</translation>
    </message>
</context>
<context>
    <name>lz::EnrolmentDesk</name>
    <message>
        <source>The staff PIN is saved.</source>
        <translation>工作人员密码已保存。</translation>
    </message>
    <message>
        <source>The venue is saved.</source>
        <translation>场所信息已保存。</translation>
    </message>
    <message>
        <source>The terminal ID is saved.</source>
        <translation>终端编号已保存。</translation>
    </message>
    <message>
        <source>The trust list is installed.</source>
        <translation>信任列表已安装。</translation>
    </message>
    <message>
        <source>The self-test will fetch the trust list from the gateway.</source>
        <translation>自检时将从网关获取信任列表。</translation>
    </message>
    <message>
        <source>The key is made and the request written.</source>
        <translation>密钥已生成，证书申请已写出。</translation>
    </message>
    <message>
        <source>The certificate is imported.</source>
        <translation>证书已导入。</translation>
    </message>
    <message>
        <source>Self-test running…</source>
        <translation>正在自检…</translation>
    </message>
    <message>
        <source>Self-test passed.</source>
        <translation>自检通过。</translation>
    </message>
    <message>
        <source>Self-test not passed.</source>
        <translation>自检未通过。</translation>
    </message>
    <message>
        <source>The PIN must be 4 to 12 digits.</source>
        <translation>密码须为 4 至 12 位数字。</translation>
    </message>
    <message>
        <source>Choose the venue type and type the venue code from the police&apos;s registration letter.</source>
        <translation>请选择场所类型，并按公安机关备案函填写场所编码。</translation>
    </message>
    <message>
        <source>The terminal ID is 1 to 64 letters, digits, dots, dashes or underscores.</source>
        <translation>终端编号为 1 至 64 个字母、数字、点、短横线或下划线。</translation>
    </message>
    <message>
        <source>No USB stick there. Insert the supplier&apos;s stick, wait a moment and press Refresh.</source>
        <translation>该处没有 U 盘。请插入供应商的 U 盘，稍候后点“刷新”。</translation>
    </message>
    <message>
        <source>The trust list on the stick could not be installed.</source>
        <translation>U 盘上的信任列表无法安装。</translation>
    </message>
    <message>
        <source>The gateway address must start with https://</source>
        <translation>网关地址必须以 https:// 开头</translation>
    </message>
    <message>
        <source>gateway-ca.pem on the stick is not a certificate.</source>
        <translation>U 盘上的 gateway-ca.pem 不是证书。</translation>
    </message>
    <message>
        <source>The key and request could not be made.</source>
        <translation>无法生成密钥和证书申请。</translation>
    </message>
    <message>
        <source>This certificate cannot be used for this terminal.</source>
        <translation>该证书不能用于本终端。</translation>
    </message>
    <message>
        <source>The disk is full: nothing was changed.</source>
        <translation>磁盘已满：未做任何更改。</translation>
    </message>
    <message>
        <source>The step failed.</source>
        <translation>该步骤未完成。</translation>
    </message>
</context>
<context>
    <name>lz::Kiosk</name>
    <message>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <source>Camera: OK, %1 frames/s (%2)</source>
        <translation>摄像头：正常，%1 帧/秒（%2）</translation>
    </message>
    <message>
        <source>Camera: FAILED (%1)</source>
        <translation>摄像头：异常（%1）</translation>
    </message>
    <message>
        <source>Serial scanner: OK (%1)</source>
        <translation>串口扫码器：正常（%1）</translation>
    </message>
    <message>
        <source>Serial scanner: FAILED (%1)</source>
        <translation>串口扫码器：异常（%1）</translation>
    </message>
    <message>
        <source>Serial scanner: not configured</source>
        <translation>串口扫码器：未配置</translation>
    </message>
    <message>
        <source>Keyboard scanner: listening (scan any code to test)</source>
        <translation>键盘式扫码器：等待扫码（扫任意码即可测试）</translation>
    </message>
    <message>
        <source>Registration log: OK</source>
        <translation>登记日志：正常</translation>
    </message>
    <message>
        <source>Registration log: FAILED (%1)</source>
        <translation>登记日志：异常（%1）</translation>
    </message>
    <message>
        <source>NFC reader: OK (%1)</source>
        <translation>NFC读卡器：正常（%1）</translation>
    </message>
    <message>
        <source>NFC reader: FAILED (%1)</source>
        <translation>NFC读卡器：异常（%1）</translation>
    </message>
    <message>
        <source>NFC reader: not configured</source>
        <translation>NFC读卡器：未配置</translation>
    </message>
    <message>
        <source>ID card reader: OK (%1)</source>
        <translation>身份证阅读器：正常（%1）</translation>
    </message>
    <message>
        <source>ID card reader: FAILED (%1)</source>
        <translation>身份证阅读器：异常（%1）</translation>
    </message>
    <message>
        <source>ID card photos: the card reader vendor&apos;s decoder library is needed (not configured)</source>
        <translation>证件照片：需读卡器厂商解码库（未配置）</translation>
    </message>
    <message>
        <source>ID card reader: not configured</source>
        <translation>身份证阅读器：未配置</translation>
    </message>
    <message>
        <source>No USB stick found. Insert one, wait a moment and try again.</source>
        <translation>未找到 U 盘。请插入 U 盘，稍候再试。</translation>
    </message>
    <message>
        <source>Backing up to %1…</source>
        <translation>正在备份到 %1…</translation>
    </message>
</context>
<context>
    <name>lz::KioskBackend</name>
    <message>
        <source>The registration log is unavailable.</source>
        <translation>登记日志不可用。</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n records (masked) to %1</source>
        <translation>
            <numerusform>已导出%n条记录（已脱敏）至%1</numerusform>
        </translation>
    </message>
    <message>
        <source>No gateway is configured.</source>
        <translation>未配置上报服务器。</translation>
    </message>
    <message>
        <source>This guest has no open stay (checked out already).</source>
        <translation>该住客已退房，当前无在住记录。</translation>
    </message>
    <message>
        <source>Check-out failed: %1</source>
        <translation>退房登记失败：%1</translation>
    </message>
    <message>
        <source>Check-out recorded: room %1.</source>
        <translation>已登记退房：%1号房。</translation>
    </message>
    <message>
        <source>Export failed: the disk is full. Free some space or choose another place.</source>
        <translation>导出失败：磁盘已满。请清理空间或选择其他位置。</translation>
    </message>
    <message>
        <source>Registration voided: the void is recorded and forwarded.</source>
        <translation>登记已作废：作废记录已保存并将上报。</translation>
    </message>
    <message>
        <source>Registration corrected: the correction is recorded and forwarded.</source>
        <translation>登记已更正：更正记录已保存并将上报。</translation>
    </message>
    <message>
        <source>This registration was voided already.</source>
        <translation>此登记已作废。</translation>
    </message>
    <message>
        <source>The clerk on duty (staff settings) and a reason are needed.</source>
        <translation>须有值班员工（见员工设置）并填写原因。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Only a registration of the last %1 days can be voided or corrected.</source>
        <translation>只能作废或更正最近%1天内的登记。</translation>
    </message>
    <message>
        <source>Not registered: already checked in (room %1).</source>
        <translation>未登记：已入住（%1号房）。</translation>
    </message>
    <message>
        <source>Not registered: check the document&apos;s kind, number, name, sex and birth date.</source>
        <translation>未登记：请核对证件类型、号码、姓名、性别和出生日期。</translation>
    </message>
    <message>
        <source>Not registered: your staff number and a reason are needed.</source>
        <translation>未登记：需要您的工号和原因。</translation>
    </message>
    <message>
        <source>Registered by hand, marked as not verified; forwarded like every record.</source>
        <translation>已补录，标记为未经核验；与其他记录一样上报。</translation>
    </message>
    <message>
        <source>This record cannot be voided or corrected.</source>
        <translation>此记录不能作废或更正。</translation>
    </message>
    <message>
        <source>Backup failed: the terminal is not open (%1).</source>
        <translation>备份失败：终端未打开（%1）。</translation>
    </message>
    <message>
        <source>Backup is not set up on this terminal: no escrow certificate ([backup] escrow_cert). Ask the supplier.</source>
        <translation>本终端未设置备份：没有托管证书（[backup] escrow_cert）。请联系供应商。</translation>
    </message>
    <message>
        <source>Backup failed: the escrow certificate cannot be read (%1).</source>
        <translation>备份失败：无法读取托管证书（%1）。</translation>
    </message>
    <message>
        <source>Backup failed: the stick is full. Nothing on this terminal changed.</source>
        <translation>备份失败：U 盘已满。本终端上的数据未作任何更改。</translation>
    </message>
    <message>
        <source>Backup failed: %1</source>
        <translation>备份失败：%1</translation>
    </message>
    <message numerus="yes">
        <source>Backup written to %1: %n records, %2 not yet forwarded. Keep the stick safe; only the escrow holder can open its keys.</source>
        <translation>
            <numerusform>已备份到 %1：%n 条记录，其中 %2 条尚未转发。请妥善保管 U 盘；只有托管方能打开其中的密钥。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lz::ui::EnrolmentScreen</name>
    <message>
        <source>The two PINs differ. Type the new PIN twice.</source>
        <translation>两次输入的密码不一致，请将新密码输入两遍。</translation>
    </message>
    <message>
        <source>Terminal ID</source>
        <translation>终端编号</translation>
    </message>
    <message>
        <source>Trust list</source>
        <translation>信任列表</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>时钟</translation>
    </message>
    <message>
        <source>Registration log</source>
        <translation>登记记录库</translation>
    </message>
    <message>
        <source>Police gateway (one sync round)</source>
        <translation>公安网关（一次同步）</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>ID card reader</source>
        <translation>身份证读卡器</translation>
    </message>
    <message>
        <source>Code scanner</source>
        <translation>扫码器</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Terminal state</source>
        <translation>终端状态</translation>
    </message>
    <message>
        <source>Enrol this terminal</source>
        <translation>开通本终端</translation>
    </message>
    <message>
        <source>USB stick:</source>
        <translation>U 盘：</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>The staff PIN is set. To change it, type a new one twice.</source>
        <translation>工作人员密码已设置。如需更改，请将新密码输入两遍。</translation>
    </message>
    <message>
        <source>Choose the administrator PIN (4 to 12 digits). Staff mode, enrolment and settings are behind it.</source>
        <translation>请设置管理员密码（4 至 12 位数字）。进入工作人员模式、开通和设置都需要它。</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>Save PIN</source>
        <translation>保存密码</translation>
    </message>
    <message>
        <source>From the police&apos;s registration letter for this venue.</source>
        <translation>以公安机关给本场所的备案函为准。</translation>
    </message>
    <message>
        <source>Venue type</source>
        <translation>场所类型</translation>
    </message>
    <message>
        <source>Venue code</source>
        <translation>场所编码</translation>
    </message>
    <message>
        <source>Venue name</source>
        <translation>场所名称</translation>
    </message>
    <message>
        <source>Save venue</source>
        <translation>保存场所信息</translation>
    </message>
    <message>
        <source>The number the supplier gave this terminal (letters, digits, . _ -). The police&apos;s certificate is made out to it.</source>
        <translation>供应商为本终端分配的编号（字母、数字、. _ -）。公安机关的证书将签发给该编号。</translation>
    </message>
    <message>
        <source>Save terminal ID</source>
        <translation>保存终端编号</translation>
    </message>
    <message>
        <source>The trust list says whose credentials this terminal accepts. The supplier&apos;s stick holds trust-list.cose and, for a new roll-out, the anchor key anchor-….pub.pem.</source>
        <translation>信任列表规定本终端接受哪些签发方的凭证。供应商的 U 盘上有 trust-list.cose；新部署时还有信任锚公钥 anchor-….pub.pem。</translation>
    </message>
    <message>
        <source>Import the trust list from the stick</source>
        <translation>从 U 盘导入信任列表</translation>
    </message>
    <message>
        <source>Fetch it from the gateway at the self-test</source>
        <translation>自检时从网关获取</translation>
    </message>
    <message>
        <source>Trust list %1 installed.</source>
        <translation>信任列表 %1 已安装。</translation>
    </message>
    <message>
        <source>Compare the anchor&apos;s fingerprint with the supplier&apos;s letter:</source>
        <translation>请将信任锚指纹与供应商函件核对：</translation>
    </message>
    <message>
        <source>The self-test will fetch the trust list from the gateway.</source>
        <translation>自检时将从网关获取信任列表。</translation>
    </message>
    <message>
        <source>The police gateway&apos;s address, and its CA certificate gateway-ca.pem on the stick. This terminal makes its own key here and writes a certificate request for the police&apos;s terminal CA to the stick; it is also shown as a QR code.</source>
        <translation>填写公安网关地址；网关的 CA 证书 gateway-ca.pem 放在 U 盘上。本终端在本机生成自己的密钥，并把给公安终端 CA 的证书申请写到 U 盘上，同时以二维码显示。</translation>
    </message>
    <message>
        <source>Gateway address</source>
        <translation>网关地址</translation>
    </message>
    <message>
        <source>Make the key and the request</source>
        <translation>生成密钥和证书申请</translation>
    </message>
    <message>
        <source>Send it to the police&apos;s terminal CA; the supplier may scan the QR code. Import the certificate that comes back in the next step.</source>
        <translation>请将其交给公安终端 CA；供应商也可扫描二维码。签回的证书在下一步导入。</translation>
    </message>
    <message>
        <source>The certificate the police&apos;s terminal CA signed for this terminal&apos;s request, on the stick.</source>
        <translation>公安终端 CA 按本终端申请签发的证书，放在 U 盘上。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Import the certificate</source>
        <translation>导入证书</translation>
    </message>
    <message>
        <source>Certificate for %1, valid until %2.
SHA-256: %3</source>
        <translation>证书签发给 %1，有效期至 %2。
SHA-256：%3</translation>
    </message>
    <message>
        <source>Checks the clock, the registration log, the gateway (one real sync round), the trust list, the camera and the readers. When all pass, the terminal starts.</source>
        <translation>检查时钟、登记记录库、网关（真实同步一次）、信任列表、摄像头和读卡器。全部通过后终端即开始工作。</translation>
    </message>
    <message>
        <source>Run the self-test</source>
        <translation>运行自检</translation>
    </message>
    <message>
        <source>Enrolment is complete. The terminal starts now.</source>
        <translation>开通完成，终端即将启动。</translation>
    </message>
    <message>
        <source>Not passed: put right what is marked ✗ and run it again.</source>
        <translation>未通过：请处理标有 ✗ 的项目后再次运行。</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>已打开</translation>
    </message>
    <message>
        <source>a sync round succeeded</source>
        <translation>同步一次成功</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>未配置</translation>
    </message>
    <message>
        <source>none configured</source>
        <translation>未配置（可选）</translation>
    </message>
    <message>
        <source>found automatically</source>
        <translation>自动查找</translation>
    </message>
    <message>
        <source>none installed</source>
        <translation>未安装</translation>
    </message>
    <message>
        <source>none installed: the gateway did not provide one</source>
        <translation>未安装：网关未提供信任列表</translation>
    </message>
    <message>
        <source>list %1, issued %2 s ago</source>
        <translation>列表 %1，%2 秒前签发</translation>
    </message>
    <message>
        <source>The request made earlier (kept on this terminal).</source>
        <translation>此前生成的证书申请（保存在本终端上）。</translation>
    </message>
    <message>
        <source>The request was written to the stick as %1.</source>
        <translation>证书申请已写到 U 盘，文件名 %1。</translation>
    </message>
</context>
<context>
    <name>lz::ui::FacePanel</name>
    <message>
        <source>Clerk compared the document photo with the guest: they match</source>
        <translation>工作人员已核对证件照片与本人：相符</translation>
    </message>
    <message>
        <source>Please look at the camera.</source>
        <translation>请看摄像头。</translation>
    </message>
    <message>
        <source>We cannot see your face: please face the camera.</source>
        <translation>未看到您的面部，请正对摄像头。</translation>
    </message>
    <message>
        <source>Slowly turn your head to your left.</source>
        <translation>请慢慢向左转头。</translation>
    </message>
    <message>
        <source>Slowly turn your head to your right.</source>
        <translation>请慢慢向右转头。</translation>
    </message>
    <message>
        <source>Please blink.</source>
        <translation>请眨眨眼。</translation>
    </message>
    <message>
        <source>No face found in the document photo. The clerk checks the photo.</source>
        <translation>证件照片中未找到人脸，由工作人员核对。</translation>
    </message>
    <message>
        <source>The camera is not available. The clerk checks the photo.</source>
        <translation>摄像头不可用，由工作人员核对证件照片。</translation>
    </message>
    <message>
        <source>The face check is not available. The clerk checks the photo.</source>
        <translation>人脸核验不可用，由工作人员核对证件照片。</translation>
    </message>
    <message>
        <source>The live check was not passed. The clerk checks the photo.</source>
        <translation>活体检测未通过，由工作人员核对证件照片。</translation>
    </message>
    <message>
        <source>Same person</source>
        <translation>同一人</translation>
    </message>
    <message>
        <source>Not the same person. The clerk checks the photo.</source>
        <translation>人脸比对不一致，由工作人员核对证件照片。</translation>
    </message>
    <message>
        <source>Cannot tell. The clerk checks the photo.</source>
        <translation>无法判断，由工作人员核对证件照片。</translation>
    </message>
    <message>
        <source>This document carries no photo (a QR code cannot), so there is no face check.</source>
        <translation>此证件不含照片（二维码无法携带照片），不进行人脸核验。</translation>
    </message>
    <message>
        <source>The photo from the phone is not the one the issuer signed: not used.</source>
        <translation>手机提供的照片与签发机构签名的照片不符，不予使用。</translation>
    </message>
    <message>
        <source>The face check is not available on this terminal (models not installed).</source>
        <translation>本终端不能进行人脸核验（未安装模型）。</translation>
    </message>
    <message>
        <source>The photo could not be read from the phone: no face check.</source>
        <translation>未能从手机读取照片，不进行人脸核验。</translation>
    </message>
    <message>
        <source>No usable document photo: no face check.</source>
        <translation>没有可用的证件照片，不进行人脸核验。</translation>
    </message>
    <message>
        <source>Face check</source>
        <translation>人脸核验</translation>
    </message>
    <message>
        <source>Clerk: compared the photo with the guest because…</source>
        <translation>工作人员核对说明：…</translation>
    </message>
    <message>
        <source>Photo matches the guest</source>
        <translation>照片与本人相符</translation>
    </message>
    <message>
        <source>Optional: the camera compares you with the document photo. No picture of your face is kept. If you prefer, the clerk checks the document instead.</source>
        <translation>自愿参加：摄像头将您与证件照片比对，不保存人脸图像。您也可以不参加，由工作人员核对证件。</translation>
    </message>
    <message>
        <source>No face check. The clerk checks the document photo.</source>
        <translation>不进行人脸核验，由工作人员核对证件照片。</translation>
    </message>
    <message>
        <source>For the clerk: distance %1 (same person below %2, not the same from %3), model %4</source>
        <translation>供工作人员参考：距离 %1（低于 %2 为同一人，%3 及以上为不一致），模型 %4</translation>
    </message>
    <message>
        <source>For the clerk: the head turned the other way.</source>
        <translation>供工作人员参考：转头方向与要求相反。</translation>
    </message>
    <message>
        <source>For the clerk: the face in the picture changed suddenly (a picture swapped?).</source>
        <translation>供工作人员参考：画面中的人脸突然变化（可能换了照片）。</translation>
    </message>
    <message>
        <source>For the clerk: the asked movement was not seen in time (a still picture?).</source>
        <translation>供工作人员参考：规定时间内未见到要求的动作（可能是静态照片）。</translation>
    </message>
    <message>
        <source>I agree</source>
        <translation>同意核验</translation>
    </message>
    <message>
        <source>No thanks</source>
        <translation>不参加</translation>
    </message>
</context>
<context>
    <name>lz::ui::KioskWindow</name>
    <message>
        <source>Liangzheng verification terminal</source>
        <translation>亮证核验终端</translation>
    </message>
    <message>
        <source>Camera unavailable. Please ask staff for help.</source>
        <translation>摄像头不可用，请联系工作人员。</translation>
    </message>
</context>
<context>
    <name>lz::ui::NotEnrolledScreen</name>
    <message>
        <source>Staff PIN</source>
        <translation>工作人员密码</translation>
    </message>
    <message>
        <source>Venue: type and code</source>
        <translation>场所：类型和编码</translation>
    </message>
    <message>
        <source>Terminal ID</source>
        <translation>终端编号</translation>
    </message>
    <message>
        <source>Trust list</source>
        <translation>信任列表</translation>
    </message>
    <message>
        <source>Police gateway and this terminal&apos;s key</source>
        <translation>公安网关与本终端密钥</translation>
    </message>
    <message>
        <source>This terminal&apos;s certificate</source>
        <translation>本终端证书</translation>
    </message>
    <message>
        <source>Self-test: camera, readers, clock, gateway</source>
        <translation>自检：摄像头、读卡器、时钟、网关</translation>
    </message>
    <message>
        <source>This terminal is not enrolled yet</source>
        <translation>本终端尚未开通</translation>
    </message>
    <message>
        <source>It verifies no one until enrolment is complete. Guests: please go to the desk.</source>
        <translation>开通完成前不核验任何人。请到前台办理。</translation>
    </message>
    <message>
        <source>Staff: enrol it here, or with the command liangzheng-cli enrol (man liangzheng-cli). This screen changes by itself when the terminal is ready.</source>
        <translation>工作人员：可在此开通，或使用命令 liangzheng-cli enrol（见 man liangzheng-cli）。终端就绪后本画面会自动切换。</translation>
    </message>
    <message>
        <source>Staff: enrol this terminal</source>
        <translation>工作人员：开通本终端</translation>
    </message>
</context>
<context>
    <name>lz::ui::PassportScreen</name>
    <message>
        <source>Passport or travel permit</source>
        <translation>护照或通行证</translation>
    </message>
    <message>
        <source>Type the document number, date of birth and date of expiry as printed in the machine-readable zone, or scan the zone&apos;s lines. The chip opens only with them.</source>
        <translation>请按机读区输入证件号码、出生日期和有效期，或扫描机读区各行。芯片只有凭这些信息才能打开。</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Date of birth (YYMMDD)</source>
        <translation>出生日期（年年月月日日）</translation>
    </message>
    <message>
        <source>Date of expiry (YYMMDD)</source>
        <translation>有效期至（年年月月日日）</translation>
    </message>
    <message>
        <source>Or the machine-readable zone (scanned or typed, two or three lines):</source>
        <translation>或输入机读区（扫描或键入，两行或三行）：</translation>
    </message>
    <message>
        <source>Machine-readable zone</source>
        <translation>机读区</translation>
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
        <translation>读取芯片</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>返回首页</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel reading</source>
        <translation>取消读取</translation>
    </message>
    <message>
        <source>Place the document on the reader and keep it still</source>
        <translation>请将证件放在读卡区并保持不动</translation>
    </message>
    <message>
        <source>Checking the document&apos;s signature…</source>
        <translation>正在核验证件签名…</translation>
    </message>
    <message>
        <source>Waiting for the document…</source>
        <translation>等待放置证件…</translation>
    </message>
    <message>
        <source>Chip opened. Reading…</source>
        <translation>芯片已打开，正在读取…</translation>
    </message>
    <message>
        <source>Reading the photo… %1 / %2 KB</source>
        <translation>正在读取照片… %1 / %2 KB</translation>
    </message>
    <message>
        <source>Reading the security data…</source>
        <translation>正在读取安全数据…</translation>
    </message>
    <message>
        <source>Reading the personal data…</source>
        <translation>正在读取个人信息…</translation>
    </message>
    <message>
        <source>Reading progress</source>
        <translation>读取进度</translation>
    </message>
    <message>
        <source>✓ Read from the machine-readable zone by the camera. Check the three fields, then read the chip.</source>
        <translation>✓ 已由摄像头读取机读区。请核对下面三项，再读取芯片。</translation>
    </message>
    <message>
        <source>Or lay the photo page face up under the camera: the fields fill themselves.</source>
        <translation>也可把资料页朝上放在摄像头下，下面三项会自动填写。</translation>
    </message>
    <message>
        <source>Camera: the machine-readable zone is too small. Bring the page closer.</source>
        <translation>摄像头：机读区太小，请把资料页拿近一些。</translation>
    </message>
    <message>
        <source>Camera: a reflection covers the machine-readable zone. Tilt the page a little.</source>
        <translation>摄像头：机读区有反光，请把资料页稍微倾斜。</translation>
    </message>
    <message>
        <source>Camera: the machine-readable zone cannot be read. Lay the page flat and hold it still, or type the fields.</source>
        <translation>摄像头：机读区无法识别。请把资料页放平、保持不动，或手动输入。</translation>
    </message>
</context>
<context>
    <name>lz::ui::PinPad</name>
    <message>
        <source>No staff PIN is set. Set one with: liangzheng-cli staff set-pin</source>
        <translation>尚未设置员工密码。请用以下命令设置：liangzheng-cli staff set-pin</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Locked until %1.</source>
        <translation>密码错误次数过多，已锁定至%1。</translation>
    </message>
    <message>
        <source>The stored PIN is unusable (%1). Set a new one.</source>
        <translation>已保存的密码无法使用（%1），请重新设置。</translation>
    </message>
    <message>
        <source>Wrong PIN. Locked until %1.</source>
        <translation>密码错误，已锁定至%1。</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n tries left.</source>
        <translation>
            <numerusform>密码错误，还可尝试%n次。</numerusform>
        </translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>员工密码</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation>删除最后一位</translation>
    </message>
    <message>
        <source>Staff sign-in</source>
        <translation>员工登录</translation>
    </message>
    <message>
        <source>Staff number (blank: administrator)</source>
        <translation>工号（管理员留空）</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>lz::ui::ReadyScreen</name>
    <message>
        <source>Please show the QR code of your electronic ID</source>
        <translation>请出示居民身份电子凭证二维码</translation>
    </message>
    <message>
        <source>Scanning is unavailable right now. Please ask staff for help.</source>
        <translation>暂时无法扫码，请联系工作人员</translation>
    </message>
    <message>
        <source>Camera picture</source>
        <translation>摄像头画面</translation>
    </message>
    <message>
        <source>Same party, room %1: guest %2 of %3, please show your code</source>
        <translation>同行登记，房间%1：第%2位（共%3位），请出示二维码</translation>
    </message>
    <message>
        <source>End party registration</source>
        <translation>结束同行登记</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Staff mode</source>
        <translation>员工模式</translation>
    </message>
    <message>
        <source>Please show the QR code of your electronic ID, or hold your phone to the reader</source>
        <translation>请出示居民身份电子凭证二维码，或将手机贴近读卡区</translation>
    </message>
    <message>
        <source>Please hold your phone to the reader</source>
        <translation>请将手机贴近读卡区</translation>
    </message>
    <message>
        <source>Passport / travel permit</source>
        <translation>护照/通行证</translation>
    </message>
    <message>
        <source>Read a passport or travel permit</source>
        <translation>读取护照或通行证</translation>
    </message>
    <message>
        <source>Please place your ID card on the card reader</source>
        <translation>请将身份证放在读卡器上</translation>
    </message>
    <message>
        <source>Or place your ID card on the card reader</source>
        <translation>或刷身份证</translation>
    </message>
    <message>
        <source>Open the e-ID app on your phone</source>
        <translation>在手机上打开居民身份电子凭证App</translation>
    </message>
    <message>
        <source>Show your ID code, the screen about 20 cm from the camera</source>
        <translation>出示二维码，手机屏幕距摄像头约20厘米</translation>
    </message>
    <message>
        <source>Or lay the phone flat on the reader&apos;s NFC mark and keep it there</source>
        <translation>或将手机平放在读卡器的NFC标记上，保持不动</translation>
    </message>
    <message>
        <source>Lay the phone flat on the reader&apos;s NFC mark and keep it there</source>
        <translation>将手机平放在读卡器的NFC标记上，保持不动</translation>
    </message>
    <message>
        <source>✓ Code recognised, checking…</source>
        <translation>✓ 已识别，正在核验…</translation>
    </message>
    <message>
        <source>This code was just checked. To check again, refresh it in the app.</source>
        <translation>此二维码刚刚已核验。如需再次核验，请在App中刷新。</translation>
    </message>
    <message>
        <source>Elder mode</source>
        <translation>长辈模式</translation>
    </message>
    <message>
        <source>Elder mode: larger text, spoken prompts, more time</source>
        <translation>长辈模式：大字、语音提示、更长时间</translation>
    </message>
</context>
<context>
    <name>lz::ui::RegistrationForm</name>
    <message>
        <source>Room number</source>
        <translation>房间号</translation>
    </message>
    <message>
        <source>Seat number</source>
        <translation>座位号</translation>
    </message>
    <message>
        <source>Service item</source>
        <translation>办理事项</translation>
    </message>
    <message>
        <source>Window number</source>
        <translation>窗口号</translation>
    </message>
    <message>
        <source>Waybill number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>入住时间</translation>
    </message>
    <message>
        <source>Expected check-out</source>
        <translation>预计退房时间</translation>
    </message>
    <message>
        <source>Guests in the party</source>
        <translation>同行人数</translation>
    </message>
    <message>
        <source>Session starts</source>
        <translation>上机时间</translation>
    </message>
    <message>
        <source>Household registration</source>
        <translation>户籍业务</translation>
    </message>
    <message>
        <source>Social security</source>
        <translation>社保业务</translation>
    </message>
    <message>
        <source>Business licence</source>
        <translation>营业执照</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>税务</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Visa or residence type</source>
        <translation>签证/居留类型</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <source>number</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Visa or permit number</source>
        <translation>签证/居留许可号码</translation>
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
        <translation>请填写：%1</translation>
    </message>
    <message numerus="yes">
        <source>Returns to the start in %n s</source>
        <translation>
            <numerusform>%n秒后返回首页</numerusform>
        </translation>
    </message>
    <message>
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Done, back to the start</source>
        <translation>完成，返回首页</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>登记信息</translation>
    </message>
    <message>
        <source>✗  Not verified</source>
        <translation>✗  核验未通过</translation>
    </message>
    <message>
        <source>✓  Verified</source>
        <translation>✓  核验通过</translation>
    </message>
    <message>
        <source>Demo credential (DEMO issuer): for demonstration only</source>
        <translation>演示凭证（演示签发机构）：仅供演示</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>凭证等级</translation>
    </message>
    <message>
        <source>No photo in this credential</source>
        <translation>此凭证无照片</translation>
    </message>
    <message>
        <source>Registering…</source>
        <translation>正在登记…</translation>
    </message>
    <message>
        <source>✓ Registered and saved</source>
        <translation>✓ 已登记并保存</translation>
    </message>
    <message>
        <source>Read by: %1</source>
        <translation>读取方式：%1</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>国籍</translation>
    </message>
    <message>
        <source>Date of expiry</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Document chip genuine: signed in %1 (%2, active authentication)</source>
        <translation>证件芯片真实：由 %1 签发（%2，主动认证）</translation>
    </message>
    <message>
        <source>Chip data genuine: signed in %1 (%2); chip not checked against copying</source>
        <translation>芯片数据真实：由 %1 签发（%2）；芯片未做防复制校验</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>18 or over</source>
        <translation>已满18周岁</translation>
    </message>
    <message>
        <source>Under 18</source>
        <translation>未满18周岁</translation>
    </message>
    <message>
        <source>Reason to register anyway</source>
        <translation>仍需登记的理由</translation>
    </message>
    <message>
        <source>Reason to register anyway (logged with your staff id)</source>
        <translation>仍需登记的理由（与您的工号一并记录）</translation>
    </message>
    <message>
        <source>Long-term</source>
        <translation>长期</translation>
    </message>
    <message>
        <source>The face check is still running.</source>
        <translation>人脸核验尚未结束。</translation>
    </message>
    <message>
        <source>the clerk&apos;s check of the document photo</source>
        <translation>工作人员对证件照片的核对</translation>
    </message>
    <message>
        <source>Next guest&apos;s code read: please wait</source>
        <translation>下一位已扫码，请稍候</translation>
    </message>
</context>
<context>
    <name>lz::ui::StaffDevicesPage</name>
    <message>
        <source>Testing the devices…</source>
        <translation>正在检测设备…</translation>
    </message>
    <message>
        <source>Run self-test</source>
        <translation>运行自检</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>NFC reader</source>
        <translation>NFC读卡器</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>扫码器</translation>
    </message>
    <message>
        <source>working, %1 frames/s</source>
        <translation>正常，%1 帧/秒</translation>
    </message>
    <message>
        <source>working</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>启动中</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>未配置</translation>
    </message>
</context>
<context>
    <name>lz::ui::StaffForwardingPage</name>
    <message>
        <source>Sync now</source>
        <translation>立即上报</translation>
    </message>
    <message>
        <source>Gateway configured.</source>
        <translation>已配置上报服务器。</translation>
    </message>
    <message>
        <source>No gateway configured: records stay here.</source>
        <translation>未配置上报服务器：记录仅保存在本机。</translation>
    </message>
    <message>
        <source>Waiting to be forwarded: %1</source>
        <translation>待上报：%1</translation>
    </message>
    <message>
        <source>Set aside by the gateway: %1</source>
        <translation>被上报服务器搁置：%1</translation>
    </message>
    <message>
        <source>Oldest waiting: %1</source>
        <translation>最早待上报：%1</translation>
    </message>
    <message>
        <source>Last success: %1</source>
        <translation>上次成功：%1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>上次错误：%1</translation>
    </message>
    <message>
        <source>Next attempt: %1</source>
        <translation>下次尝试：%1</translation>
    </message>
    <message numerus="yes">
        <source>Warning: this terminal&apos;s clock differs from the gateway&apos;s by %n s.</source>
        <translation>
            <numerusform>警告：本终端时间与上报服务器相差%n秒。</numerusform>
        </translation>
    </message>
    <message>
        <source>Registration log unavailable: %1</source>
        <translation>登记日志不可用：%1</translation>
    </message>
    <message>
        <source>Back up to the USB stick</source>
        <translation>备份到 U 盘</translation>
    </message>
</context>
<context>
    <name>lz::ui::StaffManualPage</name>
    <message>
        <source>Say why the document could not be read; it is logged and forwarded.</source>
        <translation>请说明证件无法读取的原因，此操作将被记录并上报。</translation>
    </message>
    <message>
        <source>Fill in: %1</source>
        <translation>请填写：%1</translation>
    </message>
    <message>
        <source>Only when no reader can read the guest&apos;s document: type it from the document in your hand. It is recorded as registered by staff, not verified, with your staff number and the reason.</source>
        <translation>仅在所有读卡设备都无法读取证件时使用：请对照手中的证件录入。将记录为工作人员补录（未经核验），并附您的工号和原因。</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>证件号码</translation>
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
        <translation>国籍（3位字母代码）</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Why no reader could read it</source>
        <translation>无法读取的原因</translation>
    </message>
    <message>
        <source>e.g. ID card reader broken, card checked by eye</source>
        <translation>例如：身份证阅读器故障，已人工核对证件</translation>
    </message>
    <message>
        <source>Register by hand</source>
        <translation>补录</translation>
    </message>
</context>
<context>
    <name>lz::ui::StaffRecordsPage</name>
    <message>
        <source>Select a record first.</source>
        <translation>请先选择一条记录。</translation>
    </message>
    <message>
        <source>Give a reason for showing the full record; it is logged.</source>
        <translation>请填写查看完整记录的原因，此操作将被记录。</translation>
    </message>
    <message>
        <source>Select a guest&apos;s hotel registration first.</source>
        <translation>请先选择一条住宿登记。</translation>
    </message>
    <message numerus="yes">
        <source>Shown in full for %n s; this access was logged.</source>
        <translation>
            <numerusform>完整信息将显示%n秒，本次查看已记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>Search name, number, room, seat…</source>
        <translation>搜索姓名、证件号码、房间号、座位号…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Show in full</source>
        <translation>显示完整信息</translation>
    </message>
    <message>
        <source>Check out</source>
        <translation>退房</translation>
    </message>
    <message>
        <source>Record the guest&apos;s departure</source>
        <translation>登记住客离店</translation>
    </message>
    <message>
        <source>Export file</source>
        <translation>导出文件</translation>
    </message>
    <message>
        <source>Export CSV (masked)</source>
        <translation>导出CSV（已脱敏）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Room / seat / item</source>
        <translation>房间号 / 座位号 / 办理事项</translation>
    </message>
    <message>
        <source>Forwarding</source>
        <translation>上报</translation>
    </message>
    <message>
        <source>(removed after retention)</source>
        <translation>（保留期满，已删除）</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>已登记</translation>
    </message>
    <message>
        <source>Checked out</source>
        <translation>已退房</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation>已上报</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>待上报</translation>
    </message>
    <message>
        <source>Set aside: %1</source>
        <translation>已搁置：%1</translation>
    </message>
    <message>
        <source>Registered by staff (not verified)</source>
        <translation>工作人员补录（未经核验）</translation>
    </message>
    <message>
        <source>Give a reason for the void; it is logged and forwarded.</source>
        <translation>请填写作废原因，此操作将被记录并上报。</translation>
    </message>
    <message>
        <source>Fill in: %1</source>
        <translation>请填写：%1</translation>
    </message>
    <message>
        <source>Give a reason for the correction; it is logged and forwarded.</source>
        <translation>请填写更正原因，此操作将被记录并上报。</translation>
    </message>
    <message>
        <source>Select a registration first.</source>
        <translation>请先选择一条登记。</translation>
    </message>
    <message>
        <source>This registration was voided already.</source>
        <translation>此登记已作废。</translation>
    </message>
    <message>
        <source>Correct the registration of %1 (%2): the record stays, a correction is added</source>
        <translation>更正 %1 的登记（%2）：原记录保留，另加一条更正记录</translation>
    </message>
    <message>
        <source>Reason to show in full, void or correct (logged)</source>
        <translation>查看完整信息、作废或更正的原因（将被记录）</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Void the registration (made by mistake)</source>
        <translation>作废此登记（误登记）</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Correct the registration&apos;s details</source>
        <translation>更正此登记的信息</translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation>保存更正</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Void of an earlier registration: %1</source>
        <translation>作废此前登记，原因：%1</translation>
    </message>
    <message>
        <source>Correction of an earlier registration: %1</source>
        <translation>更正此前登记，原因：%1</translation>
    </message>
    <message>
        <source>voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>已更正</translation>
    </message>
    <message>
        <source>Press Void again to void this registration (final; logged and forwarded).</source>
        <translation>再按一次“作废”以作废此登记（不可撤销，将被记录并上报）。</translation>
    </message>
</context>
<context>
    <name>lz::ui::StaffScreen</name>
    <message>
        <source>Today&apos;s registrations</source>
        <translation>今日登记</translation>
    </message>
    <message>
        <source>Forwarding</source>
        <translation>上报</translation>
    </message>
    <message>
        <source>Trust list</source>
        <translation>信任列表</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Back to guest screen</source>
        <translation>返回访客界面</translation>
    </message>
    <message>
        <source>Leave kiosk mode</source>
        <translation>退出自助模式</translation>
    </message>
    <message>
        <source>Signed in: %1</source>
        <translation>已登录：%1</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Register by hand</source>
        <translation>补录</translation>
    </message>
</context>
<context>
    <name>lz::ui::StaffSettingsPage</name>
    <message>
        <source>A PIN is 4 to 12 digits.</source>
        <translation>密码须为4至12位数字。</translation>
    </message>
    <message>
        <source>The venue code may not be empty.</source>
        <translation>场所编码不能为空。</translation>
    </message>
    <message>
        <source>Venue type</source>
        <translation>场所类型</translation>
    </message>
    <message>
        <source>Venue code</source>
        <translation>场所编码</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Window number</source>
        <translation>窗口号</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <source>Sounds</source>
        <translation>提示音</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation>大字模式</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
    <message>
        <source>Return to start after (s)</source>
        <translation>返回首页等待时间（秒）</translation>
    </message>
    <message>
        <source>Keep records after forwarding (days)</source>
        <translation>上报后记录保留时间（天）</translation>
    </message>
    <message>
        <source>0, /dev/video0 or a video file; blank: default</source>
        <translation>0、/dev/video0 或视频文件；留空：默认</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <source>A staff number is 1 to 16 letters, digits, - or _ (not &quot;admin&quot;).</source>
        <translation>工号为1至16位字母、数字、- 或 _（不能是“admin”）。</translation>
    </message>
    <message>
        <source>No clerk has that staff number.</source>
        <translation>没有该工号的员工。</translation>
    </message>
    <message>
        <source>None yet: add each clerk with their own PIN.</source>
        <translation>尚无员工：请为每位员工设置各自的密码。</translation>
    </message>
    <message>
        <source>Clerk on duty (last signed in)</source>
        <translation>值班员工（最近登录）</translation>
    </message>
    <message>
        <source>New administrator PIN (blank: unchanged)</source>
        <translation>新管理员密码（留空则不变）</translation>
    </message>
    <message>
        <source>Clerks</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name (staff only)</source>
        <translation>姓名（仅员工可见）</translation>
    </message>
    <message>
        <source>Their PIN</source>
        <translation>该员工的密码</translation>
    </message>
    <message>
        <source>Add clerk / set PIN</source>
        <translation>添加员工 / 设置密码</translation>
    </message>
    <message>
        <source>Remove clerk</source>
        <translation>删除员工</translation>
    </message>
</context>
<context>
    <name>lz::ui::StaffTrustPage</name>
    <message>
        <source>No trust list installed: every code is refused until one is.</source>
        <translation>未安装信任列表：安装前所有二维码都将被拒绝。</translation>
    </message>
    <message>
        <source>Version (sequence): %1</source>
        <translation>版本（序号）：%1</translation>
    </message>
    <message>
        <source>Age: %1</source>
        <translation>签发至今：%1</translation>
    </message>
    <message>
        <source>Next update due: %1</source>
        <translation>下次应更新时间：%1</translation>
    </message>
    <message>
        <source>Out of date: update it.</source>
        <translation>已过期：请更新。</translation>
    </message>
    <message>
        <source>Current.</source>
        <translation>已是最新。</translation>
    </message>
    <message>
        <source>DEMO trust list: demo mode only.</source>
        <translation>演示信任列表：仅用于演示模式。</translation>
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
        <translation>无</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n小时</numerusform>
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
        <translation>%1 · 终端%2</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>%1 ready</source>
        <translation>%1就绪</translation>
    </message>
    <message>
        <source>%1 starting</source>
        <translation>%1启动中</translation>
    </message>
    <message>
        <source>%1 unavailable</source>
        <translation>%1不可用</translation>
    </message>
    <message>
        <source>%1 not configured</source>
        <translation>%1未配置</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>扫码器</translation>
    </message>
    <message>
        <source>NFC</source>
        <translation>NFC</translation>
    </message>
    <message>
        <source>ID card</source>
        <translation>身份证</translation>
    </message>
    <message>
        <source>Staff: no trust list</source>
        <translation>员工：无信任列表</translation>
    </message>
    <message>
        <source>Staff: trust list out of date</source>
        <translation>员工：信任列表已过期</translation>
    </message>
    <message>
        <source>Staff: no police gateway set, records stay here</source>
        <translation>员工：未配置公安上报，记录仅存本机</translation>
    </message>
    <message>
        <source>Staff: records are not reaching the police gateway</source>
        <translation>员工：记录未能上报公安系统</translation>
    </message>
</context>
</TS>
