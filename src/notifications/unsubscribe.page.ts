/**
 * The small pages of one-click unsubscribe (plain HTML; the portal may restyle them):
 * a confirm page for the link in an email (GET), and the result after POST. In the
 * voter's language. Texts here are short on purpose; translations to be reviewed with
 * the template catalog's.
 */
import type { Language } from '../persisted.ts';

interface UnsubscribeTexts { title: string; ask: string; button: string; done: string; invalid: string }

const TEXTS: Readonly<Record<Language, UnsubscribeTexts>> = {
  en: { title: 'Unsubscribe from ballot emails', ask: 'Stop ballot tracking emails for this sign-up?', button: 'Unsubscribe', done: 'You will no longer get ballot tracking emails for this sign-up.', invalid: 'This unsubscribe link is not valid.' },
  es: { title: 'Cancelar los correos sobre su boleta', ask: '¿Dejar de recibir correos de seguimiento de boleta para esta inscripción?', button: 'Cancelar suscripción', done: 'Ya no recibirá correos de seguimiento de boleta para esta inscripción.', invalid: 'Este enlace para cancelar la suscripción no es válido.' },
  'zh-Hant': { title: '取消選票電子郵件', ask: '要停止此登記的選票追蹤電子郵件嗎？', button: '取消訂閱', done: '您將不再收到此登記的選票追蹤電子郵件。', invalid: '此取消訂閱連結無效。' },
  hi: { title: 'मतपत्र ईमेल की सदस्यता छोड़ें', ask: 'क्या इस पंजीकरण के लिए मतपत्र ट्रैकिंग ईमेल बंद करें?', button: 'सदस्यता छोड़ें', done: 'अब आपको इस पंजीकरण के लिए मतपत्र ट्रैकिंग ईमेल नहीं मिलेंगे।', invalid: 'यह सदस्यता छोड़ने का लिंक मान्य नहीं है।' },
  ja: { title: '投票用紙メールの配信停止', ask: 'この登録の投票用紙追跡メールを停止しますか？', button: '配信停止', done: 'この登録の投票用紙追跡メールは今後届きません。', invalid: 'この配信停止リンクは無効です。' },
  km: { title: 'ឈប់ទទួលអ៊ីមែលអំពីសន្លឹកឆ្នោត', ask: 'ឈប់ទទួលអ៊ីមែលតាមដានសន្លឹកឆ្នោតសម្រាប់ការចុះឈ្មោះនេះឬ?', button: 'ឈប់ទទួល', done: 'អ្នកនឹងលែងទទួលអ៊ីមែលតាមដានសន្លឹកឆ្នោតសម្រាប់ការចុះឈ្មោះនេះទៀតហើយ។', invalid: 'តំណឈប់ទទួលនេះមិនត្រឹមត្រូវទេ។' },
  ko: { title: '투표용지 이메일 수신 거부', ask: '이 등록에 대한 투표용지 추적 이메일을 중지하시겠습니까?', button: '수신 거부', done: '이 등록에 대한 투표용지 추적 이메일을 더 이상 받지 않습니다.', invalid: '이 수신 거부 링크는 유효하지 않습니다.' },
  tl: { title: 'Huminto sa mga email tungkol sa balota', ask: 'Ihinto ang mga email sa pagsubaybay ng balota para sa pag-sign up na ito?', button: 'Huminto', done: 'Hindi ka na makakatanggap ng mga email sa pagsubaybay ng balota para sa pag-sign up na ito.', invalid: 'Hindi wasto ang link na ito para huminto.' },
  th: { title: 'ยกเลิกอีเมลเกี่ยวกับบัตรลงคะแนน', ask: 'หยุดอีเมลติดตามบัตรลงคะแนนสำหรับการลงทะเบียนนี้หรือไม่', button: 'ยกเลิกการรับ', done: 'คุณจะไม่ได้รับอีเมลติดตามบัตรลงคะแนนสำหรับการลงทะเบียนนี้อีกต่อไป', invalid: 'ลิงก์ยกเลิกการรับนี้ไม่ถูกต้อง' },
  vi: { title: 'Hủy nhận email về lá phiếu', ask: 'Ngừng nhận email theo dõi lá phiếu cho đăng ký này?', button: 'Hủy đăng ký', done: 'Quý vị sẽ không còn nhận email theo dõi lá phiếu cho đăng ký này.', invalid: 'Liên kết hủy đăng ký này không hợp lệ.' },
};

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function page(language: Language, title: string, body: string): string {
  return `<!DOCTYPE html>\n<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>\n<body><main><h1>${escapeHtml(title)}</h1>\n${body}\n</main></body></html>\n`;
}

export function unsubscribeConfirmPage(language: Language, action: string): string {
  const t = TEXTS[language];
  return page(language, t.title, `<p>${escapeHtml(t.ask)}</p>\n<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${escapeHtml(t.button)}</button></form>`);
}

export function unsubscribeDonePage(language: Language): string {
  const t = TEXTS[language];
  return page(language, t.title, `<p>${escapeHtml(t.done)}</p>`);
}

export function unsubscribeInvalidPage(language: Language): string {
  const t = TEXTS[language];
  return page(language, t.title, `<p>${escapeHtml(t.invalid)}</p>`);
}
