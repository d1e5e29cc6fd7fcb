/**
 * Thai default texts. See catalog.ts for the variables and rules.
 * Thai separates sentences with a space, not a full stop.
 */
import type { LanguagePack } from './catalog.ts';

const p = (...paragraphs: string[]): string => paragraphs.join('\n\n');

const STOP = 'ตอบ STOP เพื่อหยุดรับ';
const hello = 'เรียน คุณ{voterName}';
const statusLink = 'ดูสถานะบัตรเลือกตั้งของคุณ: {statusUrl}';
const questions = 'หากมีคำถาม โทรหาสำนักงานการเลือกตั้งเคาน์ตี้ {countyName} ที่หมายเลข {countyPhone} หรือไปที่ {countyWebsite}';
const closing = `${statusLink}\n${questions}`;
const subject = (what: string): string => `${what} – {electionName} เคาน์ตี้ {countyName}`;
const reasonParagraph = '{hasReason, select, yes {\n\nเหตุผล: {reasonText}} other {}}';
const reasonSpoken = '{hasReason, select, yes { เหตุผลที่เคาน์ตี้แจ้งมาคือ {reasonText}} other {}}';
const instruction = '{reasonCode, select, '
  + 'NVS {ซองบัตรเลือกตั้งของคุณไม่มีลายมือชื่อ โปรดขอแบบฟอร์มรับรองลายมือชื่อจากเคาน์ตี้ ลงลายมือชื่อ แล้วส่งคืน} '
  + 'NMS {ลายมือชื่อบนซองบัตรเลือกตั้งของคุณต้องได้รับการยืนยัน โปรดขอแบบฟอร์มยืนยันลายมือชื่อจากเคาน์ตี้ ลงลายมือชื่อ แล้วส่งคืน} '
  + 'NID {ต้องมีสำเนาบัตรประจำตัวก่อนจึงจะนับบัตรเลือกตั้งของคุณได้ โปรดส่งสำเนาบัตรประจำตัวที่ใช้ได้ให้เคาน์ตี้} '
  + 'other {โปรดติดต่อเคาน์ตี้เพื่อสอบถามว่าต้องทำอะไรบ้าง}}';
const instructionSpoken = '{reasonCode, select, '
  + 'NVS {ซองบัตรเลือกตั้งของคุณไม่มีลายมือชื่อ โปรดขอแบบฟอร์มรับรองลายมือชื่อจากเคาน์ตี้ ลงลายมือชื่อ แล้วส่งคืน} '
  + 'NMS {ลายมือชื่อบนซองบัตรเลือกตั้งของคุณต้องได้รับการยืนยัน โปรดขอแบบฟอร์มยืนยันลายมือชื่อจากเคาน์ตี้ ลงลายมือชื่อ แล้วส่งคืน} '
  + 'NID {ต้องมีสำเนาบัตรประจำตัวของคุณ โปรดส่งสำเนาให้เคาน์ตี้} '
  + 'other {โปรดติดต่อเคาน์ตี้เพื่อสอบถามว่าต้องทำอะไรบ้าง}}';
const voiceIntro = 'สวัสดีค่ะ นี่คือข้อความจาก {serviceName} ถึงคุณ{voterName}';

export const th: LanguagePack = {
  language: 'th',
  emailFooter: 'คุณได้รับอีเมลนี้เนื่องจากที่อยู่นี้ลงทะเบียนรับข้อความติดตามบัตรเลือกตั้งจาก {serviceName}',
  unsubscribeLabel: 'ยกเลิกการรับอีเมลเหล่านี้',
  templates: {
    outbound: {
      sms: `คุณ{voterName}: เคาน์ตี้ {countyName} ส่งบัตรเลือกตั้ง {electionName} ทางไปรษณีย์ถึงคุณแล้ว ${STOP}`,
      emailSubject: subject('ส่งบัตรเลือกตั้งของคุณ{voterName}ทางไปรษณีย์แล้ว'),
      emailText: p(
        hello,
        'เคาน์ตี้ {countyName} ได้ส่งบัตรเลือกตั้ง {electionName} ทางไปรษณีย์ถึงคุณเมื่อวันที่ {statusDate} ขณะนี้อยู่ระหว่างการจัดส่ง',
        'โปรดลงคะแนนและส่งบัตรเลือกตั้งคืนภายในวันเลือกตั้ง {electionDate} คุณสามารถส่งคืนทางไปรษณีย์ หรือนำไปหย่อนที่กล่องรับบัตรหรือสถานที่เลือกตั้ง',
        closing,
      ),
      voice: `${voiceIntro} เคาน์ตี้ {countyName} ได้ส่งบัตรเลือกตั้ง {electionName} ทางไปรษณีย์ถึงคุณแล้ว ขณะนี้อยู่ระหว่างการจัดส่ง โปรดลงคะแนนและส่งบัตรคืนภายในวันเลือกตั้ง {electionDate} หากมีคำถาม โทรหาสำนักงานการเลือกตั้งเคาน์ตี้ {countyName} ที่หมายเลข {countyPhone} ขอบคุณค่ะ`,
    },
    inbound: {
      sms: `คุณ{voterName}: บัตรเลือกตั้ง {electionName} ของคุณกำลังส่งกลับไปยังเคาน์ตี้ {countyName} ทางไปรษณีย์ ${STOP}`,
      emailSubject: subject('บัตรเลือกตั้งของคุณ{voterName}กำลังส่งกลับ'),
      emailText: p(
        hello,
        'ไปรษณีย์สหรัฐฯ กำลังนำส่งบัตรเลือกตั้ง {electionName} ของคุณกลับไปยังเคาน์ตี้ {countyName} โดยมีการสแกนในระบบไปรษณีย์เมื่อวันที่ {statusDate}',
        'เราจะแจ้งคุณอีกครั้งเมื่อบัตรถึงเคาน์ตี้แล้ว',
        closing,
      ),
      voice: `${voiceIntro} บัตรเลือกตั้ง {electionName} ของคุณกำลังส่งกลับไปยังเคาน์ตี้ {countyName} ทางไปรษณีย์ เราจะแจ้งคุณอีกครั้งเมื่อบัตรถึงเคาน์ตี้แล้ว ขอบคุณค่ะ`,
    },
    received: {
      sms: `คุณ{voterName}: เคาน์ตี้ {countyName} ได้รับบัตรเลือกตั้ง {electionName} ของคุณแล้ว จะมีการตรวจสอบ แล้วเราจะแจ้งอีกครั้ง ${STOP}`,
      emailSubject: subject('เคาน์ตี้ได้รับบัตรเลือกตั้งของคุณ{voterName}แล้ว'),
      emailText: p(
        hello,
        'เคาน์ตี้ {countyName} ได้รับบัตรเลือกตั้ง {electionName} ของคุณแล้วเมื่อวันที่ {statusDate}',
        'ขั้นตอนต่อไป เจ้าหน้าที่การเลือกตั้งจะตรวจสอบซองบัตรเลือกตั้งของคุณ รวมถึงลายมือชื่อ เราจะแจ้งคุณอีกครั้งเมื่อตรวจสอบเสร็จ',
        closing,
      ),
      voice: `${voiceIntro} เคาน์ตี้ {countyName} ได้รับบัตรเลือกตั้ง {electionName} ของคุณแล้ว ขั้นตอนต่อไป เจ้าหน้าที่การเลือกตั้งจะตรวจสอบซองบัตรเลือกตั้งของคุณ รวมถึงลายมือชื่อ เราจะแจ้งคุณอีกครั้งเมื่อตรวจสอบเสร็จ ขอบคุณค่ะ`,
    },
    accepted: {
      sms: `คุณ{voterName}: เคาน์ตี้ {countyName} ยอมรับบัตรเลือกตั้ง {electionName} ของคุณแล้ว และจะนับคะแนนของคุณ ขอบคุณที่ใช้สิทธิ์ ${STOP}`,
      emailSubject: subject('บัตรเลือกตั้งของคุณ{voterName}ได้รับการยอมรับแล้ว'),
      emailText: p(
        hello,
        'เคาน์ตี้ {countyName} ได้ยอมรับบัตรเลือกตั้ง {electionName} ของคุณแล้วเมื่อวันที่ {statusDate} และจะนับคะแนนของคุณ',
        'ขอบคุณที่ใช้สิทธิ์เลือกตั้ง',
        closing,
      ),
      voice: `${voiceIntro} เคาน์ตี้ {countyName} ได้ยอมรับบัตรเลือกตั้ง {electionName} ของคุณแล้ว และจะนับคะแนนของคุณ ขอบคุณที่ใช้สิทธิ์เลือกตั้งค่ะ`,
    },
    not_accepted: {
      sms: `คุณ{voterName}: เคาน์ตี้ {countyName} ไม่สามารถยอมรับบัตรเลือกตั้ง {electionName} ได้ ขอความช่วยเหลือโทร {countyPhone} ${STOP}`,
      emailSubject: subject('บัตรเลือกตั้งของคุณ{voterName}ไม่ได้รับการยอมรับ'),
      emailText: p(
        hello,
        `เคาน์ตี้ {countyName} ไม่สามารถยอมรับบัตรเลือกตั้ง {electionName} ของคุณได้ จึงจะไม่มีการนับบัตรใบนี้${reasonParagraph}`,
        'เจ้าหน้าที่การเลือกตั้งของเคาน์ตี้สามารถอธิบายได้ว่าเกิดอะไรขึ้น และคุณมีทางเลือกอะไรบ้าง โปรดโทรหาสำนักงานการเลือกตั้งเคาน์ตี้ {countyName} ที่หมายเลข {countyPhone} หรือไปที่ {countyWebsite}',
        statusLink,
      ),
      voice: `${voiceIntro} เคาน์ตี้ {countyName} ไม่สามารถยอมรับบัตรเลือกตั้ง {electionName} ของคุณได้ จึงจะไม่มีการนับบัตรใบนี้${reasonSpoken} เจ้าหน้าที่การเลือกตั้งของเคาน์ตี้สามารถอธิบายได้ว่าเกิดอะไรขึ้น และคุณมีทางเลือกอะไรบ้าง โปรดโทรหาสำนักงานการเลือกตั้งเคาน์ตี้ {countyName} ที่หมายเลข {countyPhone} ขอบคุณค่ะ`,
    },
    contact_county: {
      sms: `คุณ{voterName}: บัตร {electionName} {reasonCode, select, NVS {ต้องมีลายมือชื่อ} NMS {ต้องยืนยันลายมือชื่อ} NID {ต้องมีสำเนาบัตร ID} other {ต้องดำเนินการ}} โทรเคาน์ตี้ {countyName} ภายใน {cureDeadline}: {countyPhone} ${STOP}`,
      emailSubject: subject('โปรดดำเนินการภายใน {cureDeadline}: บัตรเลือกตั้งของคุณ{voterName}'),
      emailText: p(
        hello,
        'เคาน์ตี้ {countyName} ต้องให้คุณดำเนินการก่อน จึงจะนับบัตรเลือกตั้ง {electionName} ของคุณได้',
        `${instruction}${reasonParagraph}`,
        'โปรดดำเนินการภายในวันที่ {cureDeadline} ติดต่อสำนักงานการเลือกตั้งเคาน์ตี้ {countyName}:\nโทรศัพท์: {countyPhone}\nอีเมล: {countyEmail}\nเว็บไซต์: {countyWebsite}',
        statusLink,
      ),
      voice: `${voiceIntro} เคาน์ตี้ {countyName} ต้องให้คุณดำเนินการก่อน จึงจะนับบัตรเลือกตั้ง {electionName} ของคุณได้ ${instructionSpoken}${reasonSpoken} โปรดดำเนินการภายในวันที่ {cureDeadline} โทรหาสำนักงานการเลือกตั้งเคาน์ตี้ {countyName} ที่หมายเลข {countyPhone} ขอย้ำอีกครั้ง หมายเลขคือ {countyPhone} ขอบคุณค่ะ`,
    },
    undeliverable: {
      sms: `คุณ{voterName}: บัตร {electionName} ส่งไม่ถึงและถูกตีกลับ ขอบัตรใหม่ที่เคาน์ตี้ {countyName} โทร {countyPhone} ${STOP}`,
      emailSubject: subject('ส่งบัตรเลือกตั้งถึงคุณ{voterName}ไม่ได้'),
      emailText: p(
        hello,
        'บัตรเลือกตั้ง {electionName} ของคุณส่งไม่ถึง และไปรษณีย์ได้ส่งคืนให้เคาน์ตี้ {countyName} แล้ว',
        'โปรดติดต่อเคาน์ตี้เพื่อยืนยันที่อยู่สำหรับส่งไปรษณีย์ และขอบัตรเลือกตั้งใบใหม่ โทร {countyPhone} หรือไปที่ {countyWebsite}',
        statusLink,
      ),
      voice: `${voiceIntro} บัตรเลือกตั้ง {electionName} ของคุณส่งไม่ถึง และไปรษณีย์ได้ส่งคืนให้เคาน์ตี้ {countyName} แล้ว โปรดโทรหาสำนักงานการเลือกตั้งเคาน์ตี้ {countyName} ที่หมายเลข {countyPhone} เพื่อยืนยันที่อยู่และขอบัตรใบใหม่ ขอบคุณค่ะ`,
    },
    reissued: {
      sms: `คุณ{voterName}: เคาน์ตี้ {countyName} ออกบัตร {electionName} ใบใหม่ให้คุณแล้ว โปรดใช้ใบใหม่ จะนับเฉพาะใบล่าสุด ${STOP}`,
      emailSubject: subject('ออกบัตรเลือกตั้งใบใหม่ให้คุณ{voterName}แล้ว'),
      emailText: p(
        hello,
        'เคาน์ตี้ {countyName} ได้ออกบัตรเลือกตั้ง {electionName} ใบใหม่ให้คุณเมื่อวันที่ {statusDate} ใบนี้ใช้แทนบัตรทุกใบที่คุณได้รับก่อนหน้านี้',
        'ระบบจะนับเฉพาะบัตรเลือกตั้งใบล่าสุดเท่านั้น โปรดใช้บัตรใบใหม่ลงคะแนนและส่งคืนภายในวันเลือกตั้ง {electionDate} หากคุณส่งบัตรใบเก่าคืนไปแล้ว โปรดโทรหาเคาน์ตี้ที่หมายเลข {countyPhone}',
        closing,
      ),
      voice: `${voiceIntro} เคาน์ตี้ {countyName} ได้ออกบัตรเลือกตั้ง {electionName} ใบใหม่ให้คุณแล้ว ระบบจะนับเฉพาะบัตรใบล่าสุดเท่านั้น โปรดใช้บัตรใบใหม่ลงคะแนนและส่งคืน หากมีคำถาม โทรหาสำนักงานการเลือกตั้งเคาน์ตี้ {countyName} ที่หมายเลข {countyPhone} ขอบคุณค่ะ`,
    },
    in_person: {
      sms: `คุณ{voterName}: ตามบันทึกของเคาน์ตี้ {countyName} คุณไปลงคะแนนด้วยตนเองใน {electionName} แล้ว บัตรทางไปรษณีย์จะไม่ถูกนับ ${STOP}`,
      emailSubject: subject('บันทึกว่าคุณ{voterName}ลงคะแนนด้วยตนเองแล้ว'),
      emailText: p(
        hello,
        'ตามบันทึกของเคาน์ตี้ {countyName} คุณได้ไปลงคะแนนด้วยตนเองใน {electionName} แล้ว จึงไม่ต้องใช้บัตรเลือกตั้งทางไปรษณีย์ และบัตรนั้นจะไม่ถูกนับ',
        'ขอบคุณที่ใช้สิทธิ์เลือกตั้ง หากคุณคิดว่าบันทึกนี้ไม่ถูกต้อง โปรดโทรหาสำนักงานการเลือกตั้งเคาน์ตี้ {countyName} ที่หมายเลข {countyPhone}',
        statusLink,
      ),
      voice: `${voiceIntro} ตามบันทึกของเคาน์ตี้ {countyName} คุณได้ไปลงคะแนนด้วยตนเองใน {electionName} แล้ว จึงไม่ต้องใช้บัตรเลือกตั้งทางไปรษณีย์ และบัตรนั้นจะไม่ถูกนับ หากคุณคิดว่าบันทึกนี้ไม่ถูกต้อง โปรดโทรหาสำนักงานการเลือกตั้งเคาน์ตี้ {countyName} ที่หมายเลข {countyPhone} ขอบคุณที่ใช้สิทธิ์เลือกตั้งค่ะ`,
    },
    confirmation: {
      sms: `{serviceName}: คุณ{voterName} ลงทะเบียนรับข้อความเรื่องบัตรเลือกตั้งจากเคาน์ตี้ {countyName} แล้ว{needsYes, select, yes { ตอบ YES เพื่อยืนยัน} other {}} ${STOP}`,
      emailSubject: 'ลงทะเบียนรับข้อความเรื่องบัตรเลือกตั้งแล้ว: คุณ{voterName} เคาน์ตี้ {countyName}',
      emailText: p(
        hello,
        'คุณ{voterName} แห่งเคาน์ตี้ {countyName} ได้ลงทะเบียนรับข้อความติดตามบัตรเลือกตั้งจาก {serviceName} แล้ว เราจะแจ้งคุณเมื่อส่งบัตรเลือกตั้งทางไปรษณีย์ เมื่อเคาน์ตี้ได้รับบัตร และเมื่อบัตรได้รับการยอมรับหรือต้องให้คุณดำเนินการ',
        'ดูสถานะบัตรเลือกตั้งหรือเปลี่ยนการตั้งค่า: {statusUrl}\nหากมีคำถาม โทร {helpPhone}',
      ),
      voice: 'สวัสดีค่ะ นี่คือ {serviceName} คุณ{voterName} แห่งเคาน์ตี้ {countyName} ได้ลงทะเบียนรับข้อความติดตามบัตรเลือกตั้งแล้ว เราจะแจ้งเมื่อส่งบัตรทางไปรษณีย์ เมื่อเคาน์ตี้ได้รับบัตร และเมื่อบัตรได้รับการยอมรับหรือต้องดำเนินการ ขอบคุณค่ะ',
    },
    opt_out_confirmation: {
      sms: '{serviceName}: หมายเลขนี้จะไม่ได้รับข้อความเรื่องบัตรเลือกตั้งอีก ตอบ START เพื่อรับอีกครั้ง',
      emailSubject: '{serviceName}: คุณจะไม่ได้รับอีเมลเรื่องบัตรเลือกตั้งอีก',
      emailText: p(
        'ที่อยู่นี้จะไม่ได้รับอีเมลติดตามบัตรเลือกตั้งจาก {serviceName} อีก',
        'หากเปลี่ยนใจ คุณสามารถลงทะเบียนใหม่ได้ที่ {statusUrl} หากมีคำถาม โทร {helpPhone}',
      ),
      voice: 'นี่คือ {serviceName} หมายเลขนี้จะไม่ได้รับสายแจ้งเรื่องบัตรเลือกตั้งอีก ขอบคุณค่ะ',
    },
    opt_in_confirmation: {
      sms: `{serviceName}: หมายเลขนี้จะได้รับข้อความเรื่องบัตรเลือกตั้งอีกครั้ง ตอบ HELP เพื่อขอความช่วยเหลือ ${STOP}`,
      emailSubject: '{serviceName}: คุณจะได้รับอีเมลเรื่องบัตรเลือกตั้งอีกครั้ง',
      emailText: p(
        'ที่อยู่นี้จะได้รับอีเมลติดตามบัตรเลือกตั้งจาก {serviceName} อีกครั้ง',
        'ดูสถานะบัตรเลือกตั้งหรือเปลี่ยนการตั้งค่า: {statusUrl}\nหากมีคำถาม โทร {helpPhone}',
      ),
      voice: 'นี่คือ {serviceName} หมายเลขนี้จะได้รับสายแจ้งเรื่องบัตรเลือกตั้งอีกครั้ง ขอบคุณค่ะ',
    },
    help: {
      sms: `{serviceName}: ข้อความติดตามบัตรเลือกตั้งจากรัฐและเคาน์ตี้ของคุณ ช่วยเหลือ: {helpPhone} หรือ {statusUrl} อาจมีค่าบริการข้อความและข้อมูล ${STOP}`,
      emailSubject: '{serviceName}: ความช่วยเหลือเรื่องข้อความติดตามบัตรเลือกตั้ง',
      emailText: p(
        '{serviceName} ส่งข้อความติดตามบัตรเลือกตั้งในนามของรัฐและสำนักงานการเลือกตั้งของเคาน์ตี้ที่คุณอาศัยอยู่',
        'หากต้องการความช่วยเหลือ โทร {helpPhone} หรือไปที่ {statusUrl} หากไม่ต้องการรับอีเมลเหล่านี้อีก ใช้ลิงก์ยกเลิกการรับอีเมลด้านล่าง',
      ),
      voice: 'นี่คือ {serviceName} ซึ่งส่งข้อความติดตามบัตรเลือกตั้งในนามของรัฐและสำนักงานการเลือกตั้งของเคาน์ตี้ที่คุณอาศัยอยู่ หากต้องการความช่วยเหลือ โทร {helpPhone} ขอบคุณค่ะ',
    },
  },
};
