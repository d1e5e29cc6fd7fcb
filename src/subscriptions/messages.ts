/**
 * What a voter is told about sign-up, log-in and preferences, in the ten languages
 * (DESIGN §2.2): the identity outcomes, field errors and channel notices. The JSON API and the
 * portal both translate the service's codes with `voterMessage`.
 *
 * Placeholders in braces come from the profile (`profileMessageParams`) or the caller:
 * {voterStatusUrl} {countyOfficesUrl} {helpDeskName} {voterIdPhone} {helpDeskEmail} {state}
 * {time} (throttled) {max} (name_too_long). A missing value throws: no message goes out with
 * a hole in it. English `dob_before_1900` is the state FAQ's own wording.
 */
import { LANGUAGES, type Language } from '../persisted.ts';
import type { JurisdictionProfile } from '../profiles/profile.ts';
import { MAX_NAME_LENGTH } from './matching.ts';
import type { FieldProblem } from './subscriptions.types.ts';

export const MESSAGE_KEYS = [
  // identity outcomes
  'no_match', 'voter_id_needed', 'voter_id_mismatch', 'inactive', 'cancelled', 'pending', 'throttled',
  'not_subscribed', 'already_subscribed', 'signed_up', 'session_required',
  // channel notices
  'do_not_contact_sms', 'do_not_contact_email', 'do_not_contact_voice',
  // field errors
  'invalid', 'first_name_required', 'last_name_required', 'name_too_long', 'name_characters',
  'dob_required', 'dob_two_digit_year', 'dob_format', 'dob_invalid', 'dob_before_1900', 'dob_future',
  'zip_required', 'zip_format', 'zip_overseas', 'voter_id_format',
  'email_invalid', 'phone_invalid', 'phone_not_mobile', 'channel_required',
  'hours_invalid', 'hours_exclude_calls', 'time_zone_invalid', 'language_invalid',
] as const;
export type MessageKey = (typeof MESSAGE_KEYS)[number];
type Catalog = Readonly<Record<MessageKey, string>>;

const en: Catalog = {
  no_match: 'The information you entered does not match any voter in our records. Enter your first name, last name, date of birth and residential ZIP code exactly as they appear on your voter registration; you can check it at {voterStatusUrl}. If you registered or updated your registration recently, please wait a few days and try again, or contact your county elections office: {countyOfficesUrl}.',
  voter_id_needed: 'More than one voter has this name, date of birth and ZIP code, so we need your voter ID to tell you apart. Enter your voter ID to continue. You can get it from your county elections office ({countyOfficesUrl}) or the {helpDeskName} at {voterIdPhone} or {helpDeskEmail}.',
  voter_id_mismatch: 'The voter ID you entered does not belong to the voter with this name, date of birth and ZIP code. Check your voter ID, or ask your county elections office ({countyOfficesUrl}) or the {helpDeskName} at {voterIdPhone}.',
  inactive: 'We found your voter registration, but it is inactive, so you cannot sign up for ballot tracking. Please contact your county elections office: {countyOfficesUrl}.',
  cancelled: 'We found your voter registration, but it has been cancelled, so you cannot sign up for ballot tracking. Please contact your county elections office: {countyOfficesUrl}.',
  pending: 'We found your voter registration, but it is still pending, so you cannot sign up for ballot tracking yet. Please contact your county elections office: {countyOfficesUrl}.',
  throttled: "Too many attempts did not match a voter. To protect voters' information, please try again after {time}.",
  not_subscribed: 'You are not signed up for ballot tracking. Sign up to choose how you would like to be notified.',
  already_subscribed: 'You are already signed up for ballot tracking, so nothing was changed. You are now logged in and can review or change your preferences.',
  signed_up: 'You are signed up for ballot tracking. We will send a confirmation to each email address and mobile number you gave (there is no confirmation for voice calls).',
  session_required: 'Please log in to continue. For your security, sessions end after a period of inactivity.',
  do_not_contact_sms: 'Texts to this number stay off because the number asked us to stop. To get texts again, reply START to one of our text messages.',
  do_not_contact_email: 'Emails to this address stay off because it asked not to be contacted. To turn them back on, contact your county elections office.',
  do_not_contact_voice: 'Calls to this number stay off because it asked not to be contacted. To turn them back on, contact your county elections office.',
  invalid: 'Please correct the fields marked below.',
  first_name_required: 'Enter your first name.',
  last_name_required: 'Enter your last name.',
  name_too_long: 'This name is too long: at most {max} characters.',
  name_characters: "Use only letters, spaces, hyphens (-), apostrophes (') and periods (.).",
  dob_required: 'Enter your date of birth as MM-DD-YYYY.',
  dob_two_digit_year: 'Enter the year with four digits: MM-DD-YYYY, for example 01-23-1980.',
  dob_format: 'Enter your date of birth as MM-DD-YYYY, with the dashes: for example, January 23, 1980 is 01-23-1980.',
  dob_invalid: 'This date does not exist. Enter your date of birth as MM-DD-YYYY, for example 01-23-1980.',
  dob_before_1900: 'Date of Birth (DOB) cannot be before 01-01-1900.',
  dob_future: 'Date of birth cannot be in the future.',
  zip_required: 'Enter the ZIP code of your residential address.',
  zip_format: 'Enter the 5-digit ZIP code of your residential address.',
  zip_overseas: 'Enter the ZIP code of the {state} residential address you registered to vote with, not an overseas postal code.',
  voter_id_format: 'A voter ID has only letters and digits.',
  email_invalid: 'Enter a valid email address, for example name@example.com.',
  phone_invalid: 'Enter a valid phone number. For a number outside the United States, start with + and the country code.',
  phone_not_mobile: 'This number cannot receive text messages. Enter a mobile number, or choose voice calls for it.',
  channel_required: 'Choose at least one way to be notified: text message, email or voice call.',
  hours_invalid: 'Enter notification hours as HH:MM (24-hour clock), for example 08:00 to 20:00.',
  hours_exclude_calls: 'Voice calls are only made between 08:00 and 21:00. Choose hours that overlap this time, or turn off voice calls.',
  time_zone_invalid: 'Choose a time zone from the list.',
  language_invalid: 'Choose one of the offered languages.',
};

const es: Catalog = {
  no_match: 'La información que ingresó no coincide con ningún votante en nuestros registros. Ingrese su nombre, apellido, fecha de nacimiento y el código postal (ZIP) de su domicilio residencial exactamente como aparecen en su registro de votante; puede verificarlo en {voterStatusUrl}. Si se registró o actualizó su registro recientemente, espere unos días e inténtelo de nuevo, o comuníquese con la oficina electoral de su condado: {countyOfficesUrl}.',
  voter_id_needed: 'Hay más de un votante con este nombre, fecha de nacimiento y código postal, por lo que necesitamos su número de identificación de votante para distinguirlo. Ingréselo para continuar. Puede obtenerlo en la oficina electoral de su condado ({countyOfficesUrl}) o con {helpDeskName}, al {voterIdPhone} o en {helpDeskEmail}.',
  voter_id_mismatch: 'El número de identificación de votante que ingresó no corresponde al votante con este nombre, fecha de nacimiento y código postal. Verifique el número o consulte a la oficina electoral de su condado ({countyOfficesUrl}) o a {helpDeskName} al {voterIdPhone}.',
  inactive: 'Encontramos su registro de votante, pero está inactivo, por lo que no puede inscribirse en el seguimiento de boletas. Comuníquese con la oficina electoral de su condado: {countyOfficesUrl}.',
  cancelled: 'Encontramos su registro de votante, pero fue cancelado, por lo que no puede inscribirse en el seguimiento de boletas. Comuníquese con la oficina electoral de su condado: {countyOfficesUrl}.',
  pending: 'Encontramos su registro de votante, pero todavía está pendiente, por lo que aún no puede inscribirse en el seguimiento de boletas. Comuníquese con la oficina electoral de su condado: {countyOfficesUrl}.',
  throttled: 'Hubo demasiados intentos que no coincidieron con ningún votante. Para proteger la información de los votantes, vuelva a intentarlo después de las {time}.',
  not_subscribed: 'No está inscrito en el seguimiento de boletas. Inscríbase para elegir cómo desea recibir las notificaciones.',
  already_subscribed: 'Ya está inscrito en el seguimiento de boletas, así que no se cambió nada. Ya inició sesión y puede revisar o cambiar sus preferencias.',
  signed_up: 'Quedó inscrito en el seguimiento de boletas. Enviaremos una confirmación a cada correo electrónico y número de celular que nos dio (las llamadas de voz no reciben confirmación).',
  session_required: 'Inicie sesión para continuar. Por su seguridad, la sesión se cierra después de un tiempo sin actividad.',
  do_not_contact_sms: 'Los mensajes de texto a este número siguen desactivados porque el número nos pidió que dejáramos de enviarlos. Para volver a recibirlos, responda START a uno de nuestros mensajes de texto.',
  do_not_contact_email: 'Los correos electrónicos a esta dirección siguen desactivados porque se pidió no recibir mensajes. Para reactivarlos, comuníquese con la oficina electoral de su condado.',
  do_not_contact_voice: 'Las llamadas a este número siguen desactivadas porque se pidió no recibir llamadas. Para reactivarlas, comuníquese con la oficina electoral de su condado.',
  invalid: 'Corrija los campos indicados a continuación.',
  first_name_required: 'Ingrese su nombre.',
  last_name_required: 'Ingrese su apellido.',
  name_too_long: 'Este nombre es demasiado largo: máximo {max} caracteres.',
  name_characters: "Use solo letras, espacios, guiones (-), apóstrofos (') y puntos (.).",
  dob_required: 'Ingrese su fecha de nacimiento con el formato MM-DD-AAAA.',
  dob_two_digit_year: 'Ingrese el año con cuatro dígitos: MM-DD-AAAA, por ejemplo 01-23-1980.',
  dob_format: 'Ingrese su fecha de nacimiento con el formato MM-DD-AAAA, con los guiones: por ejemplo, el 23 de enero de 1980 se escribe 01-23-1980.',
  dob_invalid: 'Esta fecha no existe. Ingrese su fecha de nacimiento con el formato MM-DD-AAAA, por ejemplo 01-23-1980.',
  dob_before_1900: 'La fecha de nacimiento no puede ser anterior al 01-01-1900.',
  dob_future: 'La fecha de nacimiento no puede ser una fecha futura.',
  zip_required: 'Ingrese el código postal (ZIP) de su domicilio residencial.',
  zip_format: 'Ingrese el código postal (ZIP) de 5 dígitos de su domicilio residencial.',
  zip_overseas: 'Ingrese el código postal (ZIP) del domicilio residencial en {state} con el que se registró para votar, no un código postal del extranjero.',
  voter_id_format: 'El número de identificación de votante solo tiene letras y dígitos.',
  email_invalid: 'Ingrese un correo electrónico válido, por ejemplo nombre@ejemplo.com.',
  phone_invalid: 'Ingrese un número de teléfono válido. Si el número es de fuera de los Estados Unidos, comience con + y el código del país.',
  phone_not_mobile: 'Este número no puede recibir mensajes de texto. Ingrese un número de celular o elija llamadas de voz para este número.',
  channel_required: 'Elija al menos una forma de recibir notificaciones: mensaje de texto, correo electrónico o llamada de voz.',
  hours_invalid: 'Ingrese el horario de notificaciones como HH:MM (formato de 24 horas), por ejemplo de 08:00 a 20:00.',
  hours_exclude_calls: 'Las llamadas de voz solo se hacen entre las 08:00 y las 21:00. Elija un horario que coincida con ese periodo o desactive las llamadas de voz.',
  time_zone_invalid: 'Elija una zona horaria de la lista.',
  language_invalid: 'Elija uno de los idiomas disponibles.',
};

const zhHant: Catalog = {
  no_match: '您輸入的資料與我們紀錄中的任何選民都不相符。請依照您選民登記上的內容，準確輸入名字、姓氏、出生日期及居住地址的郵遞區號（ZIP）；您可以在 {voterStatusUrl} 查詢您的登記資料。如果您最近才登記或更新登記資料，請等候幾天後再試，或聯絡您所在縣的選舉辦公室：{countyOfficesUrl}。',
  voter_id_needed: '有不只一位選民的姓名、出生日期及郵遞區號與您相同，因此需要您的選民編號來確認身分。請輸入選民編號以繼續。您可以向所在縣的選舉辦公室（{countyOfficesUrl}）或 {helpDeskName}（電話 {voterIdPhone}，電子郵件 {helpDeskEmail}）索取。',
  voter_id_mismatch: '您輸入的選民編號與此姓名、出生日期及郵遞區號的選民不符。請檢查您的選民編號，或洽詢所在縣的選舉辦公室（{countyOfficesUrl}）或 {helpDeskName}（電話 {voterIdPhone}）。',
  inactive: '我們找到了您的選民登記，但該登記處於非有效（inactive）狀態，因此您無法登記選票追蹤服務。請聯絡您所在縣的選舉辦公室：{countyOfficesUrl}。',
  cancelled: '我們找到了您的選民登記，但該登記已被取消，因此您無法登記選票追蹤服務。請聯絡您所在縣的選舉辦公室：{countyOfficesUrl}。',
  pending: '我們找到了您的選民登記，但該登記仍在處理中，因此您目前還無法登記選票追蹤服務。請聯絡您所在縣的選舉辦公室：{countyOfficesUrl}。',
  throttled: '有太多次嘗試未能與選民資料相符。為保護選民資料，請於 {time} 之後再試。',
  not_subscribed: '您尚未登記選票追蹤服務。請先登記，並選擇您希望接收通知的方式。',
  already_subscribed: '您已登記選票追蹤服務，因此沒有做任何變更。您現在已登入，可以查看或變更您的偏好設定。',
  signed_up: '您已成功登記選票追蹤服務。我們會向您提供的每個電子郵件地址及手機號碼發送確認訊息（語音電話不會收到確認）。',
  session_required: '請登入以繼續。為保障您的安全，一段時間沒有操作後將自動登出。',
  do_not_contact_sms: '此號碼曾要求我們停止傳送簡訊，因此簡訊仍維持關閉。如要重新接收簡訊，請回覆 START 至我們的任一則簡訊。',
  do_not_contact_email: '此電子郵件地址曾要求不要與其聯絡，因此電子郵件仍維持關閉。如要重新開啟，請聯絡您所在縣的選舉辦公室。',
  do_not_contact_voice: '此號碼曾要求不要與其聯絡，因此語音電話仍維持關閉。如要重新開啟，請聯絡您所在縣的選舉辦公室。',
  invalid: '請更正下方標示的欄位。',
  first_name_required: '請輸入您的名字。',
  last_name_required: '請輸入您的姓氏。',
  name_too_long: '此名字太長：最多 {max} 個字元。',
  name_characters: "只能使用文字、空格、連字號（-）、撇號（'）及句點（.）。",
  dob_required: '請以 MM-DD-YYYY（月-日-年）格式輸入您的出生日期。',
  dob_two_digit_year: '年份請輸入四位數：MM-DD-YYYY，例如 01-23-1980。',
  dob_format: '請以 MM-DD-YYYY（月-日-年）格式輸入出生日期，並保留連字號：例如 1980 年 1 月 23 日應輸入 01-23-1980。',
  dob_invalid: '此日期不存在。請以 MM-DD-YYYY 格式輸入出生日期，例如 01-23-1980。',
  dob_before_1900: '出生日期不可早於 01-01-1900。',
  dob_future: '出生日期不可為未來的日期。',
  zip_required: '請輸入居住地址的郵遞區號（ZIP）。',
  zip_format: '請輸入居住地址的 5 位數郵遞區號（ZIP）。',
  zip_overseas: '請輸入您登記投票時所用、位於 {state} 的居住地址郵遞區號，而不是海外的郵遞區號。',
  voter_id_format: '選民編號只包含英文字母及數字。',
  email_invalid: '請輸入有效的電子郵件地址，例如 name@example.com。',
  phone_invalid: '請輸入有效的電話號碼。美國以外的號碼請以 + 及國碼開頭。',
  phone_not_mobile: '此號碼無法接收簡訊。請輸入手機號碼，或為此號碼選擇語音電話。',
  channel_required: '請至少選擇一種通知方式：簡訊、電子郵件或語音電話。',
  hours_invalid: '請以 HH:MM（24 小時制）輸入通知時段，例如 08:00 至 20:00。',
  hours_exclude_calls: '語音電話只會在 08:00 至 21:00 之間撥打。請選擇與此時段重疊的時間，或關閉語音電話。',
  time_zone_invalid: '請從清單中選擇時區。',
  language_invalid: '請選擇提供的其中一種語言。',
};

const hi: Catalog = {
  no_match: 'आपके द्वारा दर्ज की गई जानकारी हमारे रिकॉर्ड में किसी भी मतदाता से मेल नहीं खाती। अपना पहला नाम, अंतिम नाम, जन्म तिथि और निवास पते का ZIP कोड ठीक वैसे ही दर्ज करें जैसे वे आपके मतदाता पंजीकरण में हैं; आप इसे {voterStatusUrl} पर देख सकते हैं। यदि आपने हाल ही में पंजीकरण कराया है या उसे अपडेट किया है, तो कुछ दिन प्रतीक्षा करके फिर से कोशिश करें, या अपने काउंटी के चुनाव कार्यालय से संपर्क करें: {countyOfficesUrl}।',
  voter_id_needed: 'इस नाम, जन्म तिथि और ZIP कोड वाले एक से अधिक मतदाता हैं, इसलिए आपकी पहचान के लिए हमें आपकी मतदाता ID चाहिए। आगे बढ़ने के लिए अपनी मतदाता ID दर्ज करें। यह आपको अपने काउंटी के चुनाव कार्यालय ({countyOfficesUrl}) से या {helpDeskName} से {voterIdPhone} या {helpDeskEmail} पर मिल सकती है।',
  voter_id_mismatch: 'आपके द्वारा दर्ज की गई मतदाता ID इस नाम, जन्म तिथि और ZIP कोड वाले मतदाता की नहीं है। अपनी मतदाता ID जाँचें, या अपने काउंटी के चुनाव कार्यालय ({countyOfficesUrl}) या {helpDeskName} से {voterIdPhone} पर पूछें।',
  inactive: 'हमें आपका मतदाता पंजीकरण मिल गया, लेकिन वह निष्क्रिय है, इसलिए आप मतपत्र ट्रैकिंग के लिए साइन अप नहीं कर सकते। कृपया अपने काउंटी के चुनाव कार्यालय से संपर्क करें: {countyOfficesUrl}।',
  cancelled: 'हमें आपका मतदाता पंजीकरण मिल गया, लेकिन वह रद्द कर दिया गया है, इसलिए आप मतपत्र ट्रैकिंग के लिए साइन अप नहीं कर सकते। कृपया अपने काउंटी के चुनाव कार्यालय से संपर्क करें: {countyOfficesUrl}।',
  pending: 'हमें आपका मतदाता पंजीकरण मिल गया, लेकिन वह अभी लंबित है, इसलिए आप अभी मतपत्र ट्रैकिंग के लिए साइन अप नहीं कर सकते। कृपया अपने काउंटी के चुनाव कार्यालय से संपर्क करें: {countyOfficesUrl}।',
  throttled: 'बहुत सारे प्रयास किसी मतदाता से मेल नहीं खाए। मतदाताओं की जानकारी की सुरक्षा के लिए, कृपया {time} के बाद फिर से कोशिश करें।',
  not_subscribed: 'आपने मतपत्र ट्रैकिंग के लिए साइन अप नहीं किया है। सूचनाएँ पाने का तरीका चुनने के लिए साइन अप करें।',
  already_subscribed: 'आप पहले से ही मतपत्र ट्रैकिंग के लिए साइन अप हैं, इसलिए कुछ भी नहीं बदला गया। अब आप लॉग इन हैं और अपनी प्राथमिकताएँ देख या बदल सकते हैं।',
  signed_up: 'आपने मतपत्र ट्रैकिंग के लिए साइन अप कर लिया है। आपके दिए गए हर ईमेल पते और मोबाइल नंबर पर हम एक पुष्टि संदेश भेजेंगे (वॉइस कॉल के लिए कोई पुष्टि नहीं भेजी जाती)।',
  session_required: 'जारी रखने के लिए कृपया लॉग इन करें। आपकी सुरक्षा के लिए, कुछ समय तक कोई गतिविधि न होने पर सत्र समाप्त हो जाता है।',
  do_not_contact_sms: 'इस नंबर ने हमें संदेश भेजना बंद करने को कहा था, इसलिए इस पर टेक्स्ट संदेश बंद ही रहेंगे। फिर से टेक्स्ट पाने के लिए हमारे किसी भी टेक्स्ट संदेश के जवाब में START भेजें।',
  do_not_contact_email: 'इस पते ने संपर्क न करने को कहा था, इसलिए इस पर ईमेल बंद ही रहेंगे। इन्हें फिर से चालू करने के लिए अपने काउंटी के चुनाव कार्यालय से संपर्क करें।',
  do_not_contact_voice: 'इस नंबर ने संपर्क न करने को कहा था, इसलिए इस पर कॉल बंद ही रहेंगी। इन्हें फिर से चालू करने के लिए अपने काउंटी के चुनाव कार्यालय से संपर्क करें।',
  invalid: 'कृपया नीचे चिह्नित फ़ील्ड ठीक करें।',
  first_name_required: 'अपना पहला नाम दर्ज करें।',
  last_name_required: 'अपना अंतिम नाम (उपनाम) दर्ज करें।',
  name_too_long: 'यह नाम बहुत लंबा है: अधिकतम {max} वर्ण।',
  name_characters: "केवल अक्षर, स्पेस, हाइफ़न (-), एपॉस्ट्रॉफ़ी (') और पूर्ण विराम (.) का उपयोग करें।",
  dob_required: 'अपनी जन्म तिथि MM-DD-YYYY (महीना-दिन-वर्ष) प्रारूप में दर्ज करें।',
  dob_two_digit_year: 'वर्ष चार अंकों में दर्ज करें: MM-DD-YYYY, उदाहरण के लिए 01-23-1980।',
  dob_format: 'अपनी जन्म तिथि डैश सहित MM-DD-YYYY (महीना-दिन-वर्ष) प्रारूप में दर्ज करें: उदाहरण के लिए, 23 जनवरी 1980 को 01-23-1980 लिखें।',
  dob_invalid: 'यह तिथि मौजूद नहीं है। अपनी जन्म तिथि MM-DD-YYYY प्रारूप में दर्ज करें, उदाहरण के लिए 01-23-1980।',
  dob_before_1900: 'जन्म तिथि 01-01-1900 से पहले की नहीं हो सकती।',
  dob_future: 'जन्म तिथि भविष्य की नहीं हो सकती।',
  zip_required: 'अपने निवास पते का ZIP कोड दर्ज करें।',
  zip_format: 'अपने निवास पते का 5 अंकों का ZIP कोड दर्ज करें।',
  zip_overseas: '{state} में अपने उस निवास पते का ZIP कोड दर्ज करें जिससे आपने मतदान के लिए पंजीकरण कराया था, विदेश का पोस्टल कोड नहीं।',
  voter_id_format: 'मतदाता ID में केवल अक्षर और अंक होते हैं।',
  email_invalid: 'एक मान्य ईमेल पता दर्ज करें, उदाहरण के लिए name@example.com।',
  phone_invalid: 'एक मान्य फ़ोन नंबर दर्ज करें। संयुक्त राज्य अमेरिका के बाहर के नंबर के लिए + और देश कोड से शुरू करें।',
  phone_not_mobile: 'इस नंबर पर टेक्स्ट संदेश नहीं आ सकते। मोबाइल नंबर दर्ज करें, या इस नंबर के लिए वॉइस कॉल चुनें।',
  channel_required: 'सूचना पाने का कम से कम एक तरीका चुनें: टेक्स्ट संदेश, ईमेल या वॉइस कॉल।',
  hours_invalid: 'सूचना का समय HH:MM (24-घंटे की घड़ी) में दर्ज करें, उदाहरण के लिए 08:00 से 20:00।',
  hours_exclude_calls: 'वॉइस कॉल केवल 08:00 से 21:00 के बीच की जाती हैं। ऐसा समय चुनें जो इस अवधि से मेल खाता हो, या वॉइस कॉल बंद करें।',
  time_zone_invalid: 'सूची में से एक समय क्षेत्र चुनें।',
  language_invalid: 'उपलब्ध भाषाओं में से एक चुनें।',
};

const ja: Catalog = {
  no_match: '入力された情報は、記録にあるどの有権者とも一致しません。名、姓、生年月日、居住地住所のZIPコードを、有権者登録の内容どおりに正確に入力してください。登録内容は {voterStatusUrl} で確認できます。最近登録した、または登録内容を更新した場合は、数日待ってから再度お試しいただくか、お住まいの郡の選挙事務所にお問い合わせください：{countyOfficesUrl}',
  voter_id_needed: 'この氏名、生年月日、ZIPコードに該当する有権者が複数いるため、ご本人を確認するには有権者IDが必要です。続けるには有権者IDを入力してください。有権者IDは、お住まいの郡の選挙事務所（{countyOfficesUrl}）または{helpDeskName}（電話 {voterIdPhone}、メール {helpDeskEmail}）で確認できます。',
  voter_id_mismatch: '入力された有権者IDは、この氏名、生年月日、ZIPコードの有権者のものではありません。有権者IDをご確認いただくか、お住まいの郡の選挙事務所（{countyOfficesUrl}）または{helpDeskName}（電話 {voterIdPhone}）にお問い合わせください。',
  inactive: '有権者登録は見つかりましたが、無効（inactive）の状態のため、投票用紙追跡サービスに登録できません。お住まいの郡の選挙事務所にお問い合わせください：{countyOfficesUrl}',
  cancelled: '有権者登録は見つかりましたが、取り消されているため、投票用紙追跡サービスに登録できません。お住まいの郡の選挙事務所にお問い合わせください：{countyOfficesUrl}',
  pending: '有権者登録は見つかりましたが、まだ手続き中のため、現在は投票用紙追跡サービスに登録できません。お住まいの郡の選挙事務所にお問い合わせください：{countyOfficesUrl}',
  throttled: '一致しない入力が多すぎました。有権者の情報を守るため、{time} 以降にもう一度お試しください。',
  not_subscribed: '投票用紙追跡サービスに登録されていません。登録して、通知の受け取り方法を選んでください。',
  already_subscribed: 'すでに投票用紙追跡サービスに登録されているため、変更は行われませんでした。ログインしましたので、設定の確認や変更ができます。',
  signed_up: '投票用紙追跡サービスへの登録が完了しました。ご入力いただいた各メールアドレスと携帯電話番号に確認メッセージをお送りします（音声通話には確認はありません）。',
  session_required: '続けるにはログインしてください。安全のため、一定時間操作がないとセッションは終了します。',
  do_not_contact_sms: 'この番号からは配信停止の依頼があったため、テキストメッセージは停止したままです。再び受け取るには、当方のテキストメッセージに START と返信してください。',
  do_not_contact_email: 'このアドレスからは連絡停止の依頼があったため、メールは停止したままです。再開するには、お住まいの郡の選挙事務所にお問い合わせください。',
  do_not_contact_voice: 'この番号からは連絡停止の依頼があったため、音声通話は停止したままです。再開するには、お住まいの郡の選挙事務所にお問い合わせください。',
  invalid: '以下の項目を修正してください。',
  first_name_required: '名（ファーストネーム）を入力してください。',
  last_name_required: '姓（ラストネーム）を入力してください。',
  name_too_long: '名前が長すぎます。{max}文字以内で入力してください。',
  name_characters: "使用できるのは文字、スペース、ハイフン（-）、アポストロフィ（'）、ピリオド（.）のみです。",
  dob_required: '生年月日を MM-DD-YYYY（月-日-年）の形式で入力してください。',
  dob_two_digit_year: '年は4桁で入力してください：MM-DD-YYYY（例：01-23-1980）。',
  dob_format: '生年月日はハイフンを付けて MM-DD-YYYY（月-日-年）の形式で入力してください。例：1980年1月23日は 01-23-1980 です。',
  dob_invalid: '存在しない日付です。生年月日を MM-DD-YYYY の形式で入力してください（例：01-23-1980）。',
  dob_before_1900: '生年月日を 01-01-1900 より前にすることはできません。',
  dob_future: '生年月日に未来の日付は入力できません。',
  zip_required: '居住地住所のZIPコードを入力してください。',
  zip_format: '居住地住所の5桁のZIPコードを入力してください。',
  zip_overseas: '海外の郵便番号ではなく、有権者登録に使用した{state}の居住地住所のZIPコードを入力してください。',
  voter_id_format: '有権者IDは英字と数字のみで構成されています。',
  email_invalid: '有効なメールアドレスを入力してください（例：name@example.com）。',
  phone_invalid: '有効な電話番号を入力してください。米国外の番号は、+ と国番号から入力してください。',
  phone_not_mobile: 'この番号ではテキストメッセージを受信できません。携帯電話番号を入力するか、この番号には音声通話を選んでください。',
  channel_required: '通知方法を少なくとも1つ選んでください：テキストメッセージ、メール、音声通話。',
  hours_invalid: '通知時間は HH:MM（24時間表記）で入力してください（例：08:00～20:00）。',
  hours_exclude_calls: '音声通話は 08:00～21:00 の間にのみ行われます。この時間帯と重なる時間を選ぶか、音声通話をオフにしてください。',
  time_zone_invalid: 'リストからタイムゾーンを選んでください。',
  language_invalid: '提供されている言語から選んでください。',
};

const km: Catalog = {
  no_match: 'ព័ត៌មានដែលអ្នកបានបញ្ចូល មិនត្រូវគ្នានឹងអ្នកបោះឆ្នោតណាម្នាក់នៅក្នុងកំណត់ត្រារបស់យើងទេ។ សូមបញ្ចូលនាមខ្លួន នាមត្រកូល ថ្ងៃខែឆ្នាំកំណើត និងលេខកូដ ZIP នៃអាសយដ្ឋានលំនៅដ្ឋានរបស់អ្នក ឱ្យដូចគ្នាបេះបិទទៅនឹងការចុះឈ្មោះបោះឆ្នោតរបស់អ្នក។ អ្នកអាចពិនិត្យវានៅ {voterStatusUrl}។ ប្រសិនបើអ្នកទើបតែចុះឈ្មោះ ឬធ្វើបច្ចុប្បន្នភាពការចុះឈ្មោះរបស់អ្នកថ្មីៗនេះ សូមរង់ចាំពីរបីថ្ងៃ រួចព្យាយាមម្តងទៀត ឬទាក់ទងការិយាល័យបោះឆ្នោតនៃខោនធីរបស់អ្នក៖ {countyOfficesUrl}។',
  voter_id_needed: 'មានអ្នកបោះឆ្នោតច្រើនជាងម្នាក់ដែលមានឈ្មោះ ថ្ងៃខែឆ្នាំកំណើត និងលេខកូដ ZIP ដូចគ្នានេះ ដូច្នេះយើងត្រូវការអត្តលេខអ្នកបោះឆ្នោត (voter ID) របស់អ្នក ដើម្បីបែងចែកអ្នក។ សូមបញ្ចូលអត្តលេខអ្នកបោះឆ្នោតរបស់អ្នក ដើម្បីបន្ត។ អ្នកអាចទទួលបានវាពីការិយាល័យបោះឆ្នោតនៃខោនធីរបស់អ្នក ({countyOfficesUrl}) ឬពី {helpDeskName} តាមលេខ {voterIdPhone} ឬ {helpDeskEmail}។',
  voter_id_mismatch: 'អត្តលេខអ្នកបោះឆ្នោតដែលអ្នកបានបញ្ចូល មិនមែនជារបស់អ្នកបោះឆ្នោតដែលមានឈ្មោះ ថ្ងៃខែឆ្នាំកំណើត និងលេខកូដ ZIP នេះទេ។ សូមពិនិត្យអត្តលេខអ្នកបោះឆ្នោតរបស់អ្នក ឬសួរការិយាល័យបោះឆ្នោតនៃខោនធីរបស់អ្នក ({countyOfficesUrl}) ឬ {helpDeskName} តាមលេខ {voterIdPhone}។',
  inactive: 'យើងបានរកឃើញការចុះឈ្មោះបោះឆ្នោតរបស់អ្នក ប៉ុន្តែវាស្ថិតក្នុងស្ថានភាពអសកម្ម ដូច្នេះអ្នកមិនអាចចុះឈ្មោះតាមដានសន្លឹកឆ្នោតបានទេ។ សូមទាក់ទងការិយាល័យបោះឆ្នោតនៃខោនធីរបស់អ្នក៖ {countyOfficesUrl}។',
  cancelled: 'យើងបានរកឃើញការចុះឈ្មោះបោះឆ្នោតរបស់អ្នក ប៉ុន្តែវាត្រូវបានលុបចោល ដូច្នេះអ្នកមិនអាចចុះឈ្មោះតាមដានសន្លឹកឆ្នោតបានទេ។ សូមទាក់ទងការិយាល័យបោះឆ្នោតនៃខោនធីរបស់អ្នក៖ {countyOfficesUrl}។',
  pending: 'យើងបានរកឃើញការចុះឈ្មោះបោះឆ្នោតរបស់អ្នក ប៉ុន្តែវានៅកំពុងរង់ចាំការសម្រេច ដូច្នេះអ្នកមិនទាន់អាចចុះឈ្មោះតាមដានសន្លឹកឆ្នោតបាននៅឡើយទេ។ សូមទាក់ទងការិយាល័យបោះឆ្នោតនៃខោនធីរបស់អ្នក៖ {countyOfficesUrl}។',
  throttled: 'មានការព្យាយាមច្រើនពេកដែលមិនត្រូវគ្នានឹងអ្នកបោះឆ្នោតណាម្នាក់។ ដើម្បីការពារព័ត៌មានរបស់អ្នកបោះឆ្នោត សូមព្យាយាមម្តងទៀតបន្ទាប់ពីម៉ោង {time}។',
  not_subscribed: 'អ្នកមិនទាន់បានចុះឈ្មោះតាមដានសន្លឹកឆ្នោតនៅឡើយទេ។ សូមចុះឈ្មោះ ដើម្បីជ្រើសរើសរបៀបដែលអ្នកចង់ទទួលការជូនដំណឹង។',
  already_subscribed: 'អ្នកបានចុះឈ្មោះតាមដានសន្លឹកឆ្នោតរួចហើយ ដូច្នេះគ្មានអ្វីត្រូវបានផ្លាស់ប្តូរទេ។ ឥឡូវនេះអ្នកបានចូលគណនីហើយ ហើយអាចពិនិត្យ ឬផ្លាស់ប្តូរចំណូលចិត្តរបស់អ្នកបាន។',
  signed_up: 'អ្នកបានចុះឈ្មោះតាមដានសន្លឹកឆ្នោតរួចរាល់ហើយ។ យើងនឹងផ្ញើសារបញ្ជាក់ទៅអាសយដ្ឋានអ៊ីមែល និងលេខទូរស័ព្ទចល័តនីមួយៗដែលអ្នកបានផ្តល់ឱ្យ (មិនមានការបញ្ជាក់សម្រាប់ការហៅជាសំឡេងទេ)។',
  session_required: 'សូមចូលគណនី ដើម្បីបន្ត។ ដើម្បីសុវត្ថិភាពរបស់អ្នក វគ្គនឹងបញ្ចប់ដោយស្វ័យប្រវត្តិ បន្ទាប់ពីគ្មានសកម្មភាពមួយរយៈ។',
  do_not_contact_sms: 'សារជាអក្សរទៅកាន់លេខនេះនៅតែបិទ ព្រោះលេខនេះបានស្នើឱ្យយើងឈប់ផ្ញើ។ ដើម្បីទទួលសារជាអក្សរម្តងទៀត សូមឆ្លើយតបពាក្យ START ទៅសារជាអក្សរណាមួយរបស់យើង។',
  do_not_contact_email: 'អ៊ីមែលទៅកាន់អាសយដ្ឋាននេះនៅតែបិទ ព្រោះអាសយដ្ឋាននេះបានស្នើកុំឱ្យទាក់ទង។ ដើម្បីបើកវាឡើងវិញ សូមទាក់ទងការិយាល័យបោះឆ្នោតនៃខោនធីរបស់អ្នក។',
  do_not_contact_voice: 'ការហៅទូរស័ព្ទទៅកាន់លេខនេះនៅតែបិទ ព្រោះលេខនេះបានស្នើកុំឱ្យទាក់ទង។ ដើម្បីបើកវាឡើងវិញ សូមទាក់ទងការិយាល័យបោះឆ្នោតនៃខោនធីរបស់អ្នក។',
  invalid: 'សូមកែតម្រូវប្រអប់ដែលបានសម្គាល់ខាងក្រោម។',
  first_name_required: 'សូមបញ្ចូលនាមខ្លួនរបស់អ្នក។',
  last_name_required: 'សូមបញ្ចូលនាមត្រកូលរបស់អ្នក។',
  name_too_long: 'ឈ្មោះនេះវែងពេក៖ យ៉ាងច្រើន {max} តួអក្សរ។',
  name_characters: "សូមប្រើតែអក្សរ ដកឃ្លា សញ្ញាភ្ជាប់ (-) សញ្ញាអាប៉ូស្ត្រូហ្វ (') និងចំណុច (.) ប៉ុណ្ណោះ។",
  dob_required: 'សូមបញ្ចូលថ្ងៃខែឆ្នាំកំណើតរបស់អ្នកតាមទម្រង់ MM-DD-YYYY (ខែ-ថ្ងៃ-ឆ្នាំ)។',
  dob_two_digit_year: 'សូមបញ្ចូលឆ្នាំជាលេខបួនខ្ទង់៖ MM-DD-YYYY ឧទាហរណ៍ 01-23-1980។',
  dob_format: 'សូមបញ្ចូលថ្ងៃខែឆ្នាំកំណើតតាមទម្រង់ MM-DD-YYYY (ខែ-ថ្ងៃ-ឆ្នាំ) ដោយមានសញ្ញាដាច់ (-)៖ ឧទាហរណ៍ ថ្ងៃទី 23 ខែមករា ឆ្នាំ 1980 គឺ 01-23-1980។',
  dob_invalid: 'កាលបរិច្ឆេទនេះមិនមានទេ។ សូមបញ្ចូលថ្ងៃខែឆ្នាំកំណើតតាមទម្រង់ MM-DD-YYYY ឧទាហរណ៍ 01-23-1980។',
  dob_before_1900: 'ថ្ងៃខែឆ្នាំកំណើត មិនអាចមុនថ្ងៃ 01-01-1900 បានទេ។',
  dob_future: 'ថ្ងៃខែឆ្នាំកំណើត មិនអាចជាថ្ងៃអនាគតបានទេ។',
  zip_required: 'សូមបញ្ចូលលេខកូដ ZIP នៃអាសយដ្ឋានលំនៅដ្ឋានរបស់អ្នក។',
  zip_format: 'សូមបញ្ចូលលេខកូដ ZIP ៥ ខ្ទង់ នៃអាសយដ្ឋានលំនៅដ្ឋានរបស់អ្នក។',
  zip_overseas: 'សូមបញ្ចូលលេខកូដ ZIP នៃអាសយដ្ឋានលំនៅដ្ឋាននៅ {state} ដែលអ្នកបានប្រើពេលចុះឈ្មោះបោះឆ្នោត មិនមែនលេខកូដប្រៃសណីយ៍នៅក្រៅប្រទេសទេ។',
  voter_id_format: 'អត្តលេខអ្នកបោះឆ្នោត មានតែអក្សរ និងលេខប៉ុណ្ណោះ។',
  email_invalid: 'សូមបញ្ចូលអាសយដ្ឋានអ៊ីមែលដែលត្រឹមត្រូវ ឧទាហរណ៍ name@example.com។',
  phone_invalid: 'សូមបញ្ចូលលេខទូរស័ព្ទដែលត្រឹមត្រូវ។ សម្រាប់លេខនៅក្រៅសហរដ្ឋអាមេរិក សូមចាប់ផ្តើមដោយ + និងលេខកូដប្រទេស។',
  phone_not_mobile: 'លេខនេះមិនអាចទទួលសារជាអក្សរបានទេ។ សូមបញ្ចូលលេខទូរស័ព្ទចល័ត ឬជ្រើសរើសការហៅជាសំឡេងសម្រាប់លេខនេះ។',
  channel_required: 'សូមជ្រើសរើសយ៉ាងហោចណាស់មធ្យោបាយមួយ ដើម្បីទទួលការជូនដំណឹង៖ សារជាអក្សរ អ៊ីមែល ឬការហៅជាសំឡេង។',
  hours_invalid: 'សូមបញ្ចូលម៉ោងទទួលការជូនដំណឹងតាមទម្រង់ HH:MM (នាឡិកា ២៤ ម៉ោង) ឧទាហរណ៍ 08:00 ដល់ 20:00។',
  hours_exclude_calls: 'ការហៅជាសំឡេងធ្វើឡើងតែចន្លោះម៉ោង 08:00 ដល់ 21:00 ប៉ុណ្ណោះ។ សូមជ្រើសរើសម៉ោងដែលត្រួតគ្នានឹងពេលវេលានេះ ឬបិទការហៅជាសំឡេង។',
  time_zone_invalid: 'សូមជ្រើសរើសតំបន់ពេលវេលាពីបញ្ជី។',
  language_invalid: 'សូមជ្រើសរើសភាសាមួយក្នុងចំណោមភាសាដែលមាន។',
};

const ko: Catalog = {
  no_match: '입력하신 정보와 일치하는 유권자가 기록에 없습니다. 이름, 성, 생년월일, 거주지 주소의 ZIP 코드를 유권자 등록 내용과 똑같이 입력해 주십시오. 등록 내용은 {voterStatusUrl}에서 확인할 수 있습니다. 최근에 등록했거나 등록 정보를 변경했다면 며칠 기다린 후 다시 시도하시거나, 거주하시는 카운티 선거 사무소에 문의해 주십시오: {countyOfficesUrl}',
  voter_id_needed: '이 이름, 생년월일, ZIP 코드를 가진 유권자가 두 명 이상이므로 본인 확인을 위해 유권자 ID가 필요합니다. 계속하려면 유권자 ID를 입력해 주십시오. 유권자 ID는 카운티 선거 사무소({countyOfficesUrl}) 또는 {helpDeskName}(전화 {voterIdPhone}, 이메일 {helpDeskEmail})에서 받으실 수 있습니다.',
  voter_id_mismatch: '입력하신 유권자 ID는 이 이름, 생년월일, ZIP 코드의 유권자와 일치하지 않습니다. 유권자 ID를 확인하시거나 카운티 선거 사무소({countyOfficesUrl}) 또는 {helpDeskName}(전화 {voterIdPhone})에 문의해 주십시오.',
  inactive: '유권자 등록을 찾았지만 비활성 상태이므로 투표용지 추적 서비스에 가입할 수 없습니다. 카운티 선거 사무소에 문의해 주십시오: {countyOfficesUrl}',
  cancelled: '유권자 등록을 찾았지만 취소된 상태이므로 투표용지 추적 서비스에 가입할 수 없습니다. 카운티 선거 사무소에 문의해 주십시오: {countyOfficesUrl}',
  pending: '유권자 등록을 찾았지만 아직 처리 중이므로 지금은 투표용지 추적 서비스에 가입할 수 없습니다. 카운티 선거 사무소에 문의해 주십시오: {countyOfficesUrl}',
  throttled: '유권자와 일치하지 않는 시도가 너무 많았습니다. 유권자 정보를 보호하기 위해 {time} 이후에 다시 시도해 주십시오.',
  not_subscribed: '투표용지 추적 서비스에 가입되어 있지 않습니다. 가입하고 알림을 받을 방법을 선택하십시오.',
  already_subscribed: '이미 투표용지 추적 서비스에 가입되어 있으므로 아무것도 변경되지 않았습니다. 지금 로그인되었으며 설정을 확인하거나 변경할 수 있습니다.',
  signed_up: '투표용지 추적 서비스에 가입되었습니다. 입력하신 각 이메일 주소와 휴대폰 번호로 확인 메시지를 보내 드립니다(음성 전화는 확인 메시지가 없습니다).',
  session_required: '계속하려면 로그인해 주십시오. 보안을 위해 일정 시간 활동이 없으면 세션이 종료됩니다.',
  do_not_contact_sms: '이 번호에서 수신 중단을 요청했으므로 문자 메시지는 계속 꺼져 있습니다. 문자를 다시 받으려면 저희 문자 메시지 중 하나에 START라고 답장해 주십시오.',
  do_not_contact_email: '이 주소에서 연락 중단을 요청했으므로 이메일은 계속 꺼져 있습니다. 다시 켜려면 카운티 선거 사무소에 문의해 주십시오.',
  do_not_contact_voice: '이 번호에서 연락 중단을 요청했으므로 음성 전화는 계속 꺼져 있습니다. 다시 켜려면 카운티 선거 사무소에 문의해 주십시오.',
  invalid: '아래 표시된 항목을 수정해 주십시오.',
  first_name_required: '이름을 입력해 주십시오.',
  last_name_required: '성을 입력해 주십시오.',
  name_too_long: '이름이 너무 깁니다. 최대 {max}자까지 입력할 수 있습니다.',
  name_characters: "문자, 공백, 하이픈(-), 아포스트로피('), 마침표(.)만 사용할 수 있습니다.",
  dob_required: '생년월일을 MM-DD-YYYY(월-일-연도) 형식으로 입력해 주십시오.',
  dob_two_digit_year: '연도는 네 자리로 입력해 주십시오: MM-DD-YYYY (예: 01-23-1980).',
  dob_format: '생년월일을 하이픈을 포함하여 MM-DD-YYYY(월-일-연도) 형식으로 입력해 주십시오. 예를 들어 1980년 1월 23일은 01-23-1980입니다.',
  dob_invalid: '존재하지 않는 날짜입니다. 생년월일을 MM-DD-YYYY 형식으로 입력해 주십시오 (예: 01-23-1980).',
  dob_before_1900: '생년월일은 01-01-1900 이전일 수 없습니다.',
  dob_future: '생년월일은 미래 날짜일 수 없습니다.',
  zip_required: '거주지 주소의 ZIP 코드를 입력해 주십시오.',
  zip_format: '거주지 주소의 5자리 ZIP 코드를 입력해 주십시오.',
  zip_overseas: '해외 우편번호가 아니라, 유권자 등록 시 사용한 {state} 거주지 주소의 ZIP 코드를 입력해 주십시오.',
  voter_id_format: '유권자 ID는 영문자와 숫자로만 이루어져 있습니다.',
  email_invalid: '올바른 이메일 주소를 입력해 주십시오 (예: name@example.com).',
  phone_invalid: '올바른 전화번호를 입력해 주십시오. 미국 이외의 번호는 +와 국가 번호로 시작해 주십시오.',
  phone_not_mobile: '이 번호로는 문자 메시지를 받을 수 없습니다. 휴대폰 번호를 입력하시거나 이 번호에는 음성 전화를 선택해 주십시오.',
  channel_required: '알림을 받을 방법을 하나 이상 선택해 주십시오: 문자 메시지, 이메일 또는 음성 전화.',
  hours_invalid: '알림 시간을 HH:MM(24시간제) 형식으로 입력해 주십시오 (예: 08:00~20:00).',
  hours_exclude_calls: '음성 전화는 08:00에서 21:00 사이에만 걸려 옵니다. 이 시간과 겹치는 시간을 선택하시거나 음성 전화를 꺼 주십시오.',
  time_zone_invalid: '목록에서 시간대를 선택해 주십시오.',
  language_invalid: '제공되는 언어 중 하나를 선택해 주십시오.',
};

const tl: Catalog = {
  no_match: 'Hindi tumutugma ang impormasyong inilagay mo sa sinumang botante sa aming mga rekord. Ilagay ang iyong pangalan, apelyido, petsa ng kapanganakan, at ZIP code ng iyong tirahan nang eksakto kung paano nakasulat ang mga ito sa iyong rehistro bilang botante; maaari mo itong tingnan sa {voterStatusUrl}. Kung kamakailan ka lang nagparehistro o nag-update ng iyong rehistro, maghintay nang ilang araw at subukang muli, o makipag-ugnayan sa tanggapan ng halalan ng iyong county: {countyOfficesUrl}.',
  voter_id_needed: 'Mahigit sa isang botante ang may ganitong pangalan, petsa ng kapanganakan, at ZIP code, kaya kailangan namin ang iyong voter ID para makilala ka. Ilagay ang iyong voter ID para magpatuloy. Makukuha mo ito sa tanggapan ng halalan ng iyong county ({countyOfficesUrl}) o sa {helpDeskName} sa {voterIdPhone} o {helpDeskEmail}.',
  voter_id_mismatch: 'Ang voter ID na inilagay mo ay hindi sa botanteng may ganitong pangalan, petsa ng kapanganakan, at ZIP code. Suriin ang iyong voter ID, o magtanong sa tanggapan ng halalan ng iyong county ({countyOfficesUrl}) o sa {helpDeskName} sa {voterIdPhone}.',
  inactive: 'Nahanap namin ang iyong rehistro bilang botante, pero ito ay hindi aktibo, kaya hindi ka makakapag-sign up para sa pagsubaybay ng balota. Makipag-ugnayan sa tanggapan ng halalan ng iyong county: {countyOfficesUrl}.',
  cancelled: 'Nahanap namin ang iyong rehistro bilang botante, pero ito ay kinansela, kaya hindi ka makakapag-sign up para sa pagsubaybay ng balota. Makipag-ugnayan sa tanggapan ng halalan ng iyong county: {countyOfficesUrl}.',
  pending: 'Nahanap namin ang iyong rehistro bilang botante, pero ito ay nakabinbin pa, kaya hindi ka pa makakapag-sign up para sa pagsubaybay ng balota. Makipag-ugnayan sa tanggapan ng halalan ng iyong county: {countyOfficesUrl}.',
  throttled: 'Masyadong maraming pagsubok ang hindi tumugma sa sinumang botante. Para maprotektahan ang impormasyon ng mga botante, subukang muli pagkalipas ng {time}.',
  not_subscribed: 'Hindi ka pa naka-sign up para sa pagsubaybay ng balota. Mag-sign up para piliin kung paano mo gustong maabisuhan.',
  already_subscribed: 'Naka-sign up ka na para sa pagsubaybay ng balota, kaya walang binago. Naka-log in ka na ngayon at maaari mong tingnan o baguhin ang iyong mga kagustuhan.',
  signed_up: 'Naka-sign up ka na para sa pagsubaybay ng balota. Magpapadala kami ng kumpirmasyon sa bawat email address at mobile number na ibinigay mo (walang kumpirmasyon para sa mga voice call).',
  session_required: 'Mag-log in para magpatuloy. Para sa iyong seguridad, natatapos ang session kapag walang aktibidad nang ilang panahon.',
  do_not_contact_sms: 'Mananatiling naka-off ang mga text sa numerong ito dahil hiniling ng numerong ito na huminto kami. Para makatanggap muli ng mga text, mag-reply ng START sa isa sa aming mga text message.',
  do_not_contact_email: 'Mananatiling naka-off ang mga email sa address na ito dahil hiniling nitong huwag itong kontakin. Para i-on muli ang mga ito, makipag-ugnayan sa tanggapan ng halalan ng iyong county.',
  do_not_contact_voice: 'Mananatiling naka-off ang mga tawag sa numerong ito dahil hiniling nitong huwag itong kontakin. Para i-on muli ang mga ito, makipag-ugnayan sa tanggapan ng halalan ng iyong county.',
  invalid: 'Pakiwasto ang mga field na may marka sa ibaba.',
  first_name_required: 'Ilagay ang iyong pangalan.',
  last_name_required: 'Ilagay ang iyong apelyido.',
  name_too_long: 'Masyadong mahaba ang pangalang ito: hanggang {max} character lamang.',
  name_characters: "Gumamit lamang ng mga titik, espasyo, gitling (-), kudlit (') at tuldok (.).",
  dob_required: 'Ilagay ang iyong petsa ng kapanganakan sa anyong MM-DD-YYYY.',
  dob_two_digit_year: 'Ilagay ang taon nang may apat na numero: MM-DD-YYYY, halimbawa 01-23-1980.',
  dob_format: 'Ilagay ang iyong petsa ng kapanganakan sa anyong MM-DD-YYYY, kasama ang mga gitling: halimbawa, ang Enero 23, 1980 ay 01-23-1980.',
  dob_invalid: 'Walang ganitong petsa. Ilagay ang iyong petsa ng kapanganakan sa anyong MM-DD-YYYY, halimbawa 01-23-1980.',
  dob_before_1900: 'Hindi maaaring mas maaga sa 01-01-1900 ang petsa ng kapanganakan.',
  dob_future: 'Hindi maaaring nasa hinaharap ang petsa ng kapanganakan.',
  zip_required: 'Ilagay ang ZIP code ng iyong tirahan.',
  zip_format: 'Ilagay ang 5-digit na ZIP code ng iyong tirahan.',
  zip_overseas: 'Ilagay ang ZIP code ng tirahan mo sa {state} na ginamit mo sa pagpaparehistro para bumoto, hindi ang postal code sa ibang bansa.',
  voter_id_format: 'Mga titik at numero lamang ang laman ng voter ID.',
  email_invalid: 'Maglagay ng wastong email address, halimbawa name@example.com.',
  phone_invalid: 'Maglagay ng wastong numero ng telepono. Para sa numerong nasa labas ng Estados Unidos, magsimula sa + at sa country code.',
  phone_not_mobile: 'Hindi makakatanggap ng text message ang numerong ito. Maglagay ng mobile number, o piliin ang voice call para sa numerong ito.',
  channel_required: 'Pumili ng kahit isang paraan para maabisuhan: text message, email, o voice call.',
  hours_invalid: 'Ilagay ang oras ng abiso sa anyong HH:MM (24 na oras), halimbawa 08:00 hanggang 20:00.',
  hours_exclude_calls: 'Tumatawag lamang kami mula 08:00 hanggang 21:00. Pumili ng oras na tumatapat sa panahong ito, o i-off ang mga voice call.',
  time_zone_invalid: 'Pumili ng time zone mula sa listahan.',
  language_invalid: 'Pumili ng isa sa mga wikang inaalok.',
};

const th: Catalog = {
  no_match: 'ข้อมูลที่คุณกรอกไม่ตรงกับผู้มีสิทธิเลือกตั้งคนใดในบันทึกของเรา โปรดกรอกชื่อ นามสกุล วันเกิด และรหัสไปรษณีย์ (ZIP) ของที่อยู่อาศัยให้ตรงกับข้อมูลในการลงทะเบียนผู้มีสิทธิเลือกตั้งของคุณทุกประการ คุณตรวจสอบข้อมูลได้ที่ {voterStatusUrl} หากคุณเพิ่งลงทะเบียนหรือแก้ไขข้อมูลการลงทะเบียน โปรดรอสักสองสามวันแล้วลองอีกครั้ง หรือติดต่อสำนักงานการเลือกตั้งของเคาน์ตีของคุณ: {countyOfficesUrl}',
  voter_id_needed: 'มีผู้มีสิทธิเลือกตั้งมากกว่าหนึ่งคนที่มีชื่อ วันเกิด และรหัสไปรษณีย์นี้ เราจึงต้องใช้หมายเลขประจำตัวผู้มีสิทธิเลือกตั้ง (voter ID) ของคุณเพื่อแยกแยะ โปรดกรอกหมายเลขดังกล่าวเพื่อดำเนินการต่อ คุณขอรับหมายเลขได้จากสำนักงานการเลือกตั้งของเคาน์ตี ({countyOfficesUrl}) หรือ {helpDeskName} ที่หมายเลข {voterIdPhone} หรือ {helpDeskEmail}',
  voter_id_mismatch: 'หมายเลขประจำตัวผู้มีสิทธิเลือกตั้งที่คุณกรอกไม่ใช่ของผู้มีสิทธิเลือกตั้งที่มีชื่อ วันเกิด และรหัสไปรษณีย์นี้ โปรดตรวจสอบหมายเลขของคุณ หรือสอบถามสำนักงานการเลือกตั้งของเคาน์ตี ({countyOfficesUrl}) หรือ {helpDeskName} ที่หมายเลข {voterIdPhone}',
  inactive: 'เราพบการลงทะเบียนผู้มีสิทธิเลือกตั้งของคุณ แต่อยู่ในสถานะไม่ใช้งาน คุณจึงสมัครติดตามบัตรเลือกตั้งไม่ได้ โปรดติดต่อสำนักงานการเลือกตั้งของเคาน์ตีของคุณ: {countyOfficesUrl}',
  cancelled: 'เราพบการลงทะเบียนผู้มีสิทธิเลือกตั้งของคุณ แต่การลงทะเบียนถูกยกเลิกแล้ว คุณจึงสมัครติดตามบัตรเลือกตั้งไม่ได้ โปรดติดต่อสำนักงานการเลือกตั้งของเคาน์ตีของคุณ: {countyOfficesUrl}',
  pending: 'เราพบการลงทะเบียนผู้มีสิทธิเลือกตั้งของคุณ แต่ยังอยู่ระหว่างดำเนินการ คุณจึงยังสมัครติดตามบัตรเลือกตั้งไม่ได้ในขณะนี้ โปรดติดต่อสำนักงานการเลือกตั้งของเคาน์ตีของคุณ: {countyOfficesUrl}',
  throttled: 'มีการกรอกข้อมูลที่ไม่ตรงกับผู้มีสิทธิเลือกตั้งหลายครั้งเกินไป เพื่อปกป้องข้อมูลของผู้มีสิทธิเลือกตั้ง โปรดลองอีกครั้งหลังเวลา {time}',
  not_subscribed: 'คุณยังไม่ได้สมัครติดตามบัตรเลือกตั้ง โปรดสมัครเพื่อเลือกวิธีที่คุณต้องการรับการแจ้งเตือน',
  already_subscribed: 'คุณสมัครติดตามบัตรเลือกตั้งไว้แล้ว จึงไม่มีการเปลี่ยนแปลงใด ๆ ขณะนี้คุณเข้าสู่ระบบแล้ว และสามารถดูหรือเปลี่ยนการตั้งค่าได้',
  signed_up: 'คุณสมัครติดตามบัตรเลือกตั้งเรียบร้อยแล้ว เราจะส่งข้อความยืนยันไปยังอีเมลและหมายเลขโทรศัพท์มือถือทุกรายการที่คุณให้ไว้ (การโทรด้วยเสียงไม่มีข้อความยืนยัน)',
  session_required: 'โปรดเข้าสู่ระบบเพื่อดำเนินการต่อ เพื่อความปลอดภัย ระบบจะปิดเซสชันเมื่อไม่มีการใช้งานเป็นระยะเวลาหนึ่ง',
  do_not_contact_sms: 'ข้อความ SMS ถึงหมายเลขนี้ยังคงปิดอยู่ เนื่องจากหมายเลขนี้ขอให้เราหยุดส่ง หากต้องการรับข้อความอีกครั้ง โปรดตอบกลับข้อความใดก็ได้ของเราด้วยคำว่า START',
  do_not_contact_email: 'อีเมลถึงที่อยู่นี้ยังคงปิดอยู่ เนื่องจากมีการขอไม่ให้ติดต่อ หากต้องการเปิดอีกครั้ง โปรดติดต่อสำนักงานการเลือกตั้งของเคาน์ตีของคุณ',
  do_not_contact_voice: 'การโทรถึงหมายเลขนี้ยังคงปิดอยู่ เนื่องจากมีการขอไม่ให้ติดต่อ หากต้องการเปิดอีกครั้ง โปรดติดต่อสำนักงานการเลือกตั้งของเคาน์ตีของคุณ',
  invalid: 'โปรดแก้ไขช่องที่ทำเครื่องหมายไว้ด้านล่าง',
  first_name_required: 'โปรดกรอกชื่อของคุณ',
  last_name_required: 'โปรดกรอกนามสกุลของคุณ',
  name_too_long: 'ชื่อนี้ยาวเกินไป: ไม่เกิน {max} ตัวอักษร',
  name_characters: "ใช้ได้เฉพาะตัวอักษร ช่องว่าง ยัติภังค์ (-) อะพอสทรอฟี (') และจุด (.) เท่านั้น",
  dob_required: 'โปรดกรอกวันเกิดในรูปแบบ MM-DD-YYYY (เดือน-วัน-ปี ค.ศ.)',
  dob_two_digit_year: 'โปรดกรอกปี ค.ศ. เป็นตัวเลขสี่หลัก: MM-DD-YYYY เช่น 01-23-1980',
  dob_format: 'โปรดกรอกวันเกิดในรูปแบบ MM-DD-YYYY (เดือน-วัน-ปี ค.ศ.) โดยมีขีดคั่น เช่น วันที่ 23 มกราคม 1980 ให้กรอกเป็น 01-23-1980',
  dob_invalid: 'ไม่มีวันที่นี้อยู่จริง โปรดกรอกวันเกิดในรูปแบบ MM-DD-YYYY เช่น 01-23-1980',
  dob_before_1900: 'วันเกิดต้องไม่ก่อนวันที่ 01-01-1900',
  dob_future: 'วันเกิดต้องไม่เป็นวันในอนาคต',
  zip_required: 'โปรดกรอกรหัสไปรษณีย์ (ZIP) ของที่อยู่อาศัยของคุณ',
  zip_format: 'โปรดกรอกรหัสไปรษณีย์ (ZIP) 5 หลักของที่อยู่อาศัยของคุณ',
  zip_overseas: 'โปรดกรอกรหัสไปรษณีย์ (ZIP) ของที่อยู่อาศัยใน {state} ที่คุณใช้ลงทะเบียนเลือกตั้ง ไม่ใช่รหัสไปรษณีย์ในต่างประเทศ',
  voter_id_format: 'หมายเลขประจำตัวผู้มีสิทธิเลือกตั้งมีเฉพาะตัวอักษรและตัวเลขเท่านั้น',
  email_invalid: 'โปรดกรอกอีเมลที่ถูกต้อง เช่น name@example.com',
  phone_invalid: 'โปรดกรอกหมายเลขโทรศัพท์ที่ถูกต้อง สำหรับหมายเลขนอกสหรัฐอเมริกา ให้ขึ้นต้นด้วย + และรหัสประเทศ',
  phone_not_mobile: 'หมายเลขนี้รับข้อความ SMS ไม่ได้ โปรดกรอกหมายเลขโทรศัพท์มือถือ หรือเลือกการโทรด้วยเสียงสำหรับหมายเลขนี้',
  channel_required: 'โปรดเลือกวิธีรับการแจ้งเตือนอย่างน้อยหนึ่งวิธี: ข้อความ SMS อีเมล หรือการโทรด้วยเสียง',
  hours_invalid: 'โปรดกรอกช่วงเวลาแจ้งเตือนในรูปแบบ HH:MM (ระบบ 24 ชั่วโมง) เช่น 08:00 ถึง 20:00',
  hours_exclude_calls: 'การโทรด้วยเสียงจะทำเฉพาะระหว่างเวลา 08:00 ถึง 21:00 เท่านั้น โปรดเลือกช่วงเวลาที่คาบเกี่ยวกับช่วงนี้ หรือปิดการโทรด้วยเสียง',
  time_zone_invalid: 'โปรดเลือกเขตเวลาจากรายการ',
  language_invalid: 'โปรดเลือกหนึ่งในภาษาที่มีให้',
};

const vi: Catalog = {
  no_match: 'Thông tin quý vị nhập không khớp với bất kỳ cử tri nào trong hồ sơ của chúng tôi. Hãy nhập tên, họ, ngày sinh và mã ZIP của địa chỉ cư trú đúng như trong hồ sơ ghi danh cử tri của quý vị; quý vị có thể kiểm tra tại {voterStatusUrl}. Nếu quý vị mới ghi danh hoặc mới cập nhật hồ sơ ghi danh, vui lòng đợi vài ngày rồi thử lại, hoặc liên lạc với văn phòng bầu cử quận hạt của quý vị: {countyOfficesUrl}.',
  voter_id_needed: 'Có nhiều hơn một cử tri có cùng tên, ngày sinh và mã ZIP này, vì vậy chúng tôi cần mã số cử tri (voter ID) của quý vị để phân biệt. Vui lòng nhập mã số cử tri để tiếp tục. Quý vị có thể lấy mã số này từ văn phòng bầu cử quận hạt ({countyOfficesUrl}) hoặc {helpDeskName} qua số {voterIdPhone} hoặc {helpDeskEmail}.',
  voter_id_mismatch: 'Mã số cử tri quý vị nhập không phải của cử tri có tên, ngày sinh và mã ZIP này. Vui lòng kiểm tra lại mã số cử tri, hoặc hỏi văn phòng bầu cử quận hạt ({countyOfficesUrl}) hay {helpDeskName} qua số {voterIdPhone}.',
  inactive: 'Chúng tôi đã tìm thấy hồ sơ ghi danh cử tri của quý vị, nhưng hồ sơ đang ở tình trạng không hoạt động, vì vậy quý vị không thể đăng ký theo dõi lá phiếu. Vui lòng liên lạc với văn phòng bầu cử quận hạt của quý vị: {countyOfficesUrl}.',
  cancelled: 'Chúng tôi đã tìm thấy hồ sơ ghi danh cử tri của quý vị, nhưng hồ sơ đã bị hủy, vì vậy quý vị không thể đăng ký theo dõi lá phiếu. Vui lòng liên lạc với văn phòng bầu cử quận hạt của quý vị: {countyOfficesUrl}.',
  pending: 'Chúng tôi đã tìm thấy hồ sơ ghi danh cử tri của quý vị, nhưng hồ sơ vẫn đang chờ xử lý, vì vậy quý vị chưa thể đăng ký theo dõi lá phiếu. Vui lòng liên lạc với văn phòng bầu cử quận hạt của quý vị: {countyOfficesUrl}.',
  throttled: 'Có quá nhiều lần thử không khớp với cử tri nào. Để bảo vệ thông tin của cử tri, vui lòng thử lại sau {time}.',
  not_subscribed: 'Quý vị chưa đăng ký theo dõi lá phiếu. Hãy đăng ký để chọn cách quý vị muốn nhận thông báo.',
  already_subscribed: 'Quý vị đã đăng ký theo dõi lá phiếu rồi, vì vậy không có gì thay đổi. Quý vị hiện đã đăng nhập và có thể xem hoặc thay đổi các lựa chọn của mình.',
  signed_up: 'Quý vị đã đăng ký theo dõi lá phiếu. Chúng tôi sẽ gửi tin xác nhận đến từng địa chỉ email và số điện thoại di động quý vị đã cung cấp (cuộc gọi thoại không có xác nhận).',
  session_required: 'Vui lòng đăng nhập để tiếp tục. Để bảo mật, phiên làm việc sẽ kết thúc sau một thời gian không hoạt động.',
  do_not_contact_sms: 'Tin nhắn đến số này vẫn bị tắt vì số này đã yêu cầu chúng tôi ngừng gửi. Để nhận lại tin nhắn, hãy trả lời START cho một tin nhắn bất kỳ của chúng tôi.',
  do_not_contact_email: 'Email đến địa chỉ này vẫn bị tắt vì địa chỉ này đã yêu cầu không liên lạc. Để bật lại, vui lòng liên lạc với văn phòng bầu cử quận hạt của quý vị.',
  do_not_contact_voice: 'Cuộc gọi đến số này vẫn bị tắt vì số này đã yêu cầu không liên lạc. Để bật lại, vui lòng liên lạc với văn phòng bầu cử quận hạt của quý vị.',
  invalid: 'Vui lòng sửa các mục được đánh dấu bên dưới.',
  first_name_required: 'Vui lòng nhập tên của quý vị.',
  last_name_required: 'Vui lòng nhập họ của quý vị.',
  name_too_long: 'Tên này quá dài: tối đa {max} ký tự.',
  name_characters: "Chỉ dùng chữ cái, khoảng trắng, dấu gạch nối (-), dấu nháy đơn (') và dấu chấm (.).",
  dob_required: 'Vui lòng nhập ngày sinh theo dạng MM-DD-YYYY (tháng-ngày-năm).',
  dob_two_digit_year: 'Vui lòng nhập năm đủ bốn chữ số: MM-DD-YYYY, ví dụ 01-23-1980.',
  dob_format: 'Vui lòng nhập ngày sinh theo dạng MM-DD-YYYY (tháng-ngày-năm), có dấu gạch nối: ví dụ, ngày 23 tháng 1 năm 1980 là 01-23-1980.',
  dob_invalid: 'Ngày này không có thật. Vui lòng nhập ngày sinh theo dạng MM-DD-YYYY, ví dụ 01-23-1980.',
  dob_before_1900: 'Ngày sinh không thể trước 01-01-1900.',
  dob_future: 'Ngày sinh không thể là một ngày trong tương lai.',
  zip_required: 'Vui lòng nhập mã ZIP của địa chỉ cư trú.',
  zip_format: 'Vui lòng nhập mã ZIP 5 chữ số của địa chỉ cư trú.',
  zip_overseas: 'Vui lòng nhập mã ZIP của địa chỉ cư trú tại {state} mà quý vị đã dùng khi ghi danh cử tri, không phải mã bưu chính ở nước ngoài.',
  voter_id_format: 'Mã số cử tri chỉ gồm chữ cái và chữ số.',
  email_invalid: 'Vui lòng nhập địa chỉ email hợp lệ, ví dụ name@example.com.',
  phone_invalid: 'Vui lòng nhập số điện thoại hợp lệ. Với số ở ngoài Hoa Kỳ, hãy bắt đầu bằng dấu + và mã quốc gia.',
  phone_not_mobile: 'Số này không nhận được tin nhắn. Vui lòng nhập số điện thoại di động, hoặc chọn cuộc gọi thoại cho số này.',
  channel_required: 'Vui lòng chọn ít nhất một cách nhận thông báo: tin nhắn, email hoặc cuộc gọi thoại.',
  hours_invalid: 'Vui lòng nhập giờ nhận thông báo theo dạng HH:MM (24 giờ), ví dụ từ 08:00 đến 20:00.',
  hours_exclude_calls: 'Cuộc gọi thoại chỉ được thực hiện từ 08:00 đến 21:00. Vui lòng chọn khung giờ trùng với khoảng thời gian này, hoặc tắt cuộc gọi thoại.',
  time_zone_invalid: 'Vui lòng chọn múi giờ trong danh sách.',
  language_invalid: 'Vui lòng chọn một trong các ngôn ngữ có sẵn.',
};

export const MESSAGES: Readonly<Record<Language, Catalog>> = Object.freeze({ en, es, 'zh-Hant': zhHant, hi, ja, km, ko, tl, th, vi });

export type MessageParams = Readonly<Record<string, string>>;

/** The values every message may use, from the jurisdiction profile. */
export function profileMessageParams(profile: JurisdictionProfile): MessageParams {
  return {
    voterStatusUrl: profile.helpDesk.voterStatusUrl,
    countyOfficesUrl: profile.helpDesk.countyOfficesUrl,
    helpDeskName: profile.helpDesk.name,
    voterIdPhone: profile.helpDesk.voterIdPhone,
    helpDeskEmail: profile.helpDesk.email,
    state: profile.stateName,
    max: String(MAX_NAME_LENGTH),
  };
}

/** A message in `language` with its placeholders filled; throws when a value is missing. */
export function voterMessage(language: Language, key: MessageKey, params: MessageParams): string {
  return MESSAGES[language][key].replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new RangeError(`message ${language}/${key} needs {${name}}`);
    return v;
  });
}

/** The message key of a field problem (name_required is told apart by field). */
export function fieldMessageKey(problem: FieldProblem): MessageKey {
  if (problem.code === 'name_required') return problem.field === 'lastName' ? 'last_name_required' : 'first_name_required';
  return (MESSAGE_KEYS as readonly string[]).includes(problem.code) ? (problem.code as MessageKey) : 'invalid';
}

/** Intl locale of a language (Tagalog is formatted as Filipino, which ICU knows). */
const INTL_LOCALE: Readonly<Record<Language, string>> = { en: 'en-US', es: 'es-US', 'zh-Hant': 'zh-Hant', hi: 'hi', ja: 'ja', km: 'km', ko: 'ko', tl: 'fil', th: 'th', vi: 'vi' };

/** "try again after {time}": the time in the voter's language and the state's zone, with the date when it is not today. */
export function formatRetryTime(language: Language, at: Date, now: Date, timeZone: string): string {
  const day = (d: Date): string => new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(d);
  const sameDay = day(at) === day(now);
  return new Intl.DateTimeFormat(INTL_LOCALE[language], { timeZone, timeStyle: 'short', ...(sameDay ? {} : { dateStyle: 'medium' }) }).format(at);
}

/**
 * The best offered language for an Accept-Language header (RFC 9110 q-values), or null when
 * none fits. `zh`, `zh-TW`, `zh-HK`, `zh-Hant-*` → zh-Hant (the only Chinese offered; also
 * better than English for a reader of simplified); `fil` → tl; otherwise by primary subtag.
 */
export function negotiateLanguage(header: string | undefined): Language | null {
  if (!header) return null;
  const ranges = header.split(',').slice(0, 20).map((part, i) => {
    const [tag = '', ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find((m) => m !== null);
    return { tag: tag.trim().toLowerCase(), q: q ? Number(q[1]) : 1, i };
  }).filter((r) => r.tag !== '' && r.tag !== '*' && r.q > 0 && Number.isFinite(r.q))
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranges) {
    const exact = LANGUAGES.find((l) => l.toLowerCase() === tag);
    if (exact) return exact;
    const primary = tag.split('-')[0]!;
    if (primary === 'zh') return 'zh-Hant';
    if (primary === 'fil') return 'tl';
    const byPrimary = LANGUAGES.find((l) => l.toLowerCase() === primary);
    if (byPrimary) return byPrimary;
  }
  return null;
}
