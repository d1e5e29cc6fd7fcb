/**
 * Traditional Chinese default texts. See catalog.ts for the variables and rules.
 * Latin-script values (names, URLs, phone numbers) are set off with a space.
 */
import type { LanguagePack } from './catalog.ts';

const p = (...paragraphs: string[]): string => paragraphs.join('\n\n');

const STOP = '回覆 STOP 停止接收';
const hello = '{voterName} 您好：';
const statusLink = '查看您的選票狀態：{statusUrl}';
const questions = '如有疑問，請致電 {countyName} 縣選舉辦公室：{countyPhone}，或瀏覽 {countyWebsite}。';
const closing = `${statusLink}\n${questions}`;
const subject = (what: string): string => `${what} – {electionName}，{countyName} 縣`;
const reasonParagraph = '{hasReason, select, yes {\n\n原因：{reasonText}} other {}}';
const reasonSpoken = '{hasReason, select, yes {縣政府提供的原因是：{reasonText}} other {}}';
const instruction = '{reasonCode, select, '
  + 'NVS {您的選票信封上缺少簽名。請向縣政府索取「簽名聲明書」，簽名後交回。} '
  + 'NMS {您選票信封上的簽名需要核對。請向縣政府索取「簽名核對聲明書」，簽名後交回。} '
  + 'NID {您的選票需要附上身分證明文件影本才能計入。請將一份認可的身分證明文件影本寄給縣政府。} '
  + 'other {請聯絡縣政府，了解需要辦理哪些事項。}}';
const instructionSpoken = '{reasonCode, select, '
  + 'NVS {您的選票信封上缺少簽名。請向縣政府索取簽名聲明書，簽名後交回。} '
  + 'NMS {您選票信封上的簽名需要核對。請向縣政府索取簽名核對聲明書，簽名後交回。} '
  + 'NID {您的選票需要附上身分證明文件影本。請將影本寄給縣政府。} '
  + 'other {請聯絡縣政府，了解需要辦理哪些事項。}}';
const voiceIntro = '您好，這是 {serviceName} 給 {voterName} 的通知。';

export const zhHant: LanguagePack = {
  language: 'zh-Hant',
  emailFooter: '您收到這封電子郵件，是因為此地址已登記接收 {serviceName} 的選票追蹤通知。',
  unsubscribeLabel: '取消訂閱這些電子郵件',
  templates: {
    outbound: {
      sms: `{voterName}：{countyName} 縣已寄出您的 {electionName} 選票，目前正在寄送途中。${STOP}`,
      emailSubject: subject('{voterName} 的選票已寄出'),
      emailText: p(
        hello,
        '{countyName} 縣已於 {statusDate} 寄出您的 {electionName} 選票，選票正在寄送給您的途中。',
        '請在選舉日（{electionDate}）或之前投票並交回選票。您可以郵寄交回，或投入選票投遞箱，或送到投票地點。',
        closing,
      ),
      voice: `${voiceIntro}{countyName} 縣已寄出您的 {electionName} 選票，正在寄送給您的途中。請在選舉日，也就是 {electionDate} 或之前，投票並交回選票。如有疑問，請致電 {countyName} 縣選舉辦公室，電話 {countyPhone}。謝謝。`,
    },
    inbound: {
      sms: `{voterName}：您的 {electionName} 選票正由郵局寄回 {countyName} 縣。${STOP}`,
      emailSubject: subject('{voterName} 的選票正在寄回途中'),
      emailText: p(
        hello,
        '美國郵政正在將您的 {electionName} 選票寄回 {countyName} 縣。郵件已於 {statusDate} 經郵局掃描。',
        '縣政府收到選票後，我們會再通知您。',
        closing,
      ),
      voice: `${voiceIntro}美國郵政正在將您的 {electionName} 選票寄回 {countyName} 縣。縣政府收到選票後，我們會再通知您。謝謝。`,
    },
    received: {
      sms: `{voterName}：{countyName} 縣已收到您的 {electionName} 選票，接下來將進行審核，我們會再通知您。${STOP}`,
      emailSubject: subject('已收到 {voterName} 的選票'),
      emailText: p(
        hello,
        '{countyName} 縣已於 {statusDate} 收到您的 {electionName} 選票。',
        '接下來，選務人員將審核您的選票信封，包括您的簽名。審核完成後，我們會再通知您。',
        closing,
      ),
      voice: `${voiceIntro}{countyName} 縣已收到您的 {electionName} 選票。接下來，選務人員將審核您的選票信封，包括您的簽名。審核完成後，我們會再通知您。謝謝。`,
    },
    accepted: {
      sms: `{voterName}：{countyName} 縣已接受您的 {electionName} 選票，您的選票將會計入。感謝您投票！${STOP}`,
      emailSubject: subject('{voterName} 的選票已被接受'),
      emailText: p(
        hello,
        '{countyName} 縣已於 {statusDate} 接受您的 {electionName} 選票。您的選票將會計入。',
        '感謝您投票。',
        closing,
      ),
      voice: `${voiceIntro}{countyName} 縣已接受您的 {electionName} 選票，您的選票將會計入。感謝您投票。`,
    },
    not_accepted: {
      sms: `{voterName}：{countyName} 縣未能接受您的 {electionName} 選票。如需協助，請致電 {countyPhone}。${STOP}`,
      emailSubject: subject('{voterName} 的選票未能被接受'),
      emailText: p(
        hello,
        `{countyName} 縣未能接受您的 {electionName} 選票，因此這張選票不會計入。${reasonParagraph}`,
        '縣選務人員可以向您說明原因，以及您還有哪些選擇。請致電 {countyName} 縣選舉辦公室：{countyPhone}，或瀏覽 {countyWebsite}。',
        statusLink,
      ),
      voice: `${voiceIntro}{countyName} 縣未能接受您的 {electionName} 選票，因此這張選票不會計入。${reasonSpoken}縣選務人員可以向您說明原因，以及您還有哪些選擇。請致電 {countyName} 縣選舉辦公室，電話 {countyPhone}。謝謝。`,
    },
    contact_county: {
      sms: `{voterName}：您的 {electionName} 選票{reasonCode, select, NVS {缺少簽名} NMS {需要核對簽名} NID {需要您的身分證明} other {需要您處理}}。請最遲在 {cureDeadline} 聯絡 {countyName} 縣：{countyPhone}。${STOP}`,
      emailSubject: subject('請最遲在 {cureDeadline} 處理：{voterName} 的選票'),
      emailText: p(
        hello,
        '{countyName} 縣需要您的協助，才能計入您的 {electionName} 選票。',
        `${instruction}${reasonParagraph}`,
        '請最遲在 {cureDeadline} 完成。聯絡 {countyName} 縣選舉辦公室：\n電話：{countyPhone}\n電子郵件：{countyEmail}\n網站：{countyWebsite}',
        statusLink,
      ),
      voice: `${voiceIntro}{countyName} 縣需要您的協助，才能計入您的 {electionName} 選票。${instructionSpoken}${reasonSpoken}請最遲在 {cureDeadline} 完成。請致電 {countyName} 縣選舉辦公室，電話 {countyPhone}。再說一次，電話是 {countyPhone}。謝謝。`,
    },
    undeliverable: {
      sms: `{voterName}：您的 {electionName} 選票無法投遞，已被退回。如需新選票，請致電 {countyName} 縣：{countyPhone}。${STOP}`,
      emailSubject: subject('{voterName} 的選票無法投遞'),
      emailText: p(
        hello,
        '您的 {electionName} 選票無法投遞，郵局已將選票退回 {countyName} 縣。',
        '請聯絡縣政府確認您的郵寄地址，並索取補發的選票。請致電 {countyPhone} 或瀏覽 {countyWebsite}。',
        statusLink,
      ),
      voice: `${voiceIntro}您的 {electionName} 選票無法投遞，郵局已將選票退回 {countyName} 縣。請致電 {countyName} 縣選舉辦公室，電話 {countyPhone}，確認您的郵寄地址並索取補發的選票。謝謝。`,
    },
    reissued: {
      sms: `{voterName}：{countyName} 縣已為您補發新的 {electionName} 選票。只有最新的選票有效，請使用新選票。${STOP}`,
      emailSubject: subject('已為 {voterName} 補發新選票'),
      emailText: p(
        hello,
        '{countyName} 縣已於 {statusDate} 為您補發新的 {electionName} 選票，取代您之前收到的任何選票。',
        '只有最新的選票才會計入，請使用新選票投票，並在選舉日（{electionDate}）或之前交回。如果您已寄回舊選票，請致電縣政府：{countyPhone}。',
        closing,
      ),
      voice: `${voiceIntro}{countyName} 縣已為您補發新的 {electionName} 選票。只有最新的選票才會計入，請使用新選票投票並交回。如有疑問，請致電 {countyName} 縣選舉辦公室，電話 {countyPhone}。謝謝。`,
    },
    in_person: {
      sms: `{voterName}：{countyName} 縣紀錄顯示您已在 {electionName} 親自投票，因此您的郵寄選票不會計入。${STOP}`,
      emailSubject: subject('{voterName} 已親自投票'),
      emailText: p(
        hello,
        '{countyName} 縣的紀錄顯示，您已在 {electionName} 親自投票。您不需要再使用郵寄選票，郵寄選票也不會計入。',
        '感謝您投票。如果您認為紀錄有誤，請致電 {countyName} 縣選舉辦公室：{countyPhone}。',
        statusLink,
      ),
      voice: `${voiceIntro}{countyName} 縣的紀錄顯示，您已在 {electionName} 親自投票。您不需要再使用郵寄選票，郵寄選票也不會計入。如果您認為紀錄有誤，請致電 {countyName} 縣選舉辦公室，電話 {countyPhone}。感謝您投票。`,
    },
    confirmation: {
      sms: `{serviceName}：{voterName} 已登記接收 {countyName} 縣的選票狀態簡訊。{needsYes, select, yes {請回覆 YES 確認。} other {}}${STOP}`,
      emailSubject: '已登記接收選票通知：{voterName}，{countyName} 縣',
      emailText: p(
        hello,
        '已為 {countyName} 縣的 {voterName} 登記接收 {serviceName} 選票追蹤通知。選票寄出、縣政府收到選票，以及選票被接受或需要您處理時，我們都會通知您。',
        '查看選票狀態或更改設定：{statusUrl}\n如有疑問，請致電 {helpPhone}。',
      ),
      voice: '您好，這是 {serviceName}。{voterName} 已登記接收 {countyName} 縣的選票追蹤通知。選票寄出、縣政府收到選票，以及選票被接受或需要處理時，我們都會通知您。謝謝。',
    },
    opt_out_confirmation: {
      sms: '{serviceName}：此號碼將不再收到選票簡訊。回覆 START 即可重新接收。',
      emailSubject: '{serviceName}：您將不再收到選票電子郵件',
      emailText: p(
        '此地址將不再收到 {serviceName} 的選票追蹤電子郵件。',
        '如果您改變主意，可以到 {statusUrl} 重新登記。如有疑問，請致電 {helpPhone}。',
      ),
      voice: '這是 {serviceName}。此號碼將不再收到選票追蹤電話。謝謝。',
    },
    opt_in_confirmation: {
      sms: `{serviceName}：此號碼已恢復接收選票簡訊。回覆 HELP 取得協助，${STOP}`,
      emailSubject: '{serviceName}：已恢復接收選票電子郵件',
      emailText: p(
        '此地址已恢復接收 {serviceName} 的選票追蹤電子郵件。',
        '查看選票狀態或更改設定：{statusUrl}\n如有疑問，請致電 {helpPhone}。',
      ),
      voice: '這是 {serviceName}。此號碼已恢復接收選票追蹤電話。謝謝。',
    },
    help: {
      sms: `{serviceName}：州政府與您所在縣的選票追蹤簡訊。協助：{helpPhone} 或 {statusUrl}。可能需支付簡訊及數據費用。${STOP}`,
      emailSubject: '{serviceName}：選票追蹤通知說明',
      emailText: p(
        '{serviceName} 代表州政府及您所在縣的選舉辦公室發送選票追蹤通知。',
        '如需協助，請致電 {helpPhone} 或瀏覽 {statusUrl}。若不想再收到這些電子郵件，請使用下方的取消訂閱連結。',
      ),
      voice: '這是 {serviceName}，代表州政府及您所在縣的選舉辦公室發送選票追蹤通知。如需協助，請致電 {helpPhone}。謝謝。',
    },
  },
};
