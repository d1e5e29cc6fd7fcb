/**
 * Japanese default texts. See catalog.ts for the variables and rules.
 */
import type { LanguagePack } from './catalog.ts';

const p = (...paragraphs: string[]): string => paragraphs.join('\n\n');

const STOP = '配信停止はSTOPと返信';
const hello = '{voterName}様';
const statusLink = '投票用紙の状況はこちら：{statusUrl}';
const questions = 'ご不明な点は、{countyName}郡選挙管理事務所（{countyPhone}）にお電話いただくか、{countyWebsite} をご覧ください。';
const closing = `${statusLink}\n${questions}`;
const subject = (what: string): string => `${what} – {electionName}、{countyName}郡`;
const reasonParagraph = '{hasReason, select, yes {\n\n理由：{reasonText}} other {}}';
const reasonSpoken = '{hasReason, select, yes {郡からの理由は次のとおりです。{reasonText}} other {}}';
const instruction = '{reasonCode, select, '
  + 'NVS {投票用封筒に署名がありません。郡から署名の宣誓書を入手し、署名して返送してください。} '
  + 'NMS {投票用封筒の署名を確認する必要があります。郡から署名確認の宣誓書を入手し、署名して返送してください。} '
  + 'NID {投票用紙を集計するには、本人確認書類の写しが必要です。認められている本人確認書類の写しを郡へお送りください。} '
  + 'other {必要な手続きについて、郡にお問い合わせください。}}';
const instructionSpoken = '{reasonCode, select, '
  + 'NVS {投票用封筒に署名がありません。郡から署名の宣誓書を入手し、署名して返送してください。} '
  + 'NMS {投票用封筒の署名を確認する必要があります。郡から署名確認の宣誓書を入手し、署名して返送してください。} '
  + 'NID {本人確認書類の写しが必要です。写しを郡へお送りください。} '
  + 'other {必要な手続きについて、郡にお問い合わせください。}}';
const voiceIntro = 'こんにちは。{serviceName}から{voterName}様へのお知らせです。';

export const ja: LanguagePack = {
  language: 'ja',
  emailFooter: 'このメールは、このアドレスが{serviceName}の投票用紙追跡のお知らせに登録されているためお送りしています。',
  unsubscribeLabel: 'これらのメールの配信を停止する',
  templates: {
    outbound: {
      sms: `{voterName}様：{countyName}郡が{electionName}の投票用紙を郵送しました。現在配達中です。${STOP}`,
      emailSubject: subject('{voterName}様の投票用紙を郵送しました'),
      emailText: p(
        hello,
        '{countyName}郡は{statusDate}に、{electionName}の投票用紙をあなたに郵送しました。現在、配達中です。',
        '選挙日（{electionDate}）までに投票し、投票用紙を返送してください。郵便で返送するか、投票箱または投票所にお持ちください。',
        closing,
      ),
      voice: `${voiceIntro}{countyName}郡が{electionName}の投票用紙を郵送しました。現在、配達中です。選挙日の{electionDate}までに投票し、返送してください。ご不明な点は、{countyName}郡選挙管理事務所、{countyPhone}までお電話ください。ありがとうございました。`,
    },
    inbound: {
      sms: `{voterName}様：{electionName}の投票用紙は、郵便で{countyName}郡へ返送される途中です。${STOP}`,
      emailSubject: subject('{voterName}様の投票用紙は返送の途中です'),
      emailText: p(
        hello,
        '{electionName}のあなたの投票用紙は、米国郵便公社により{countyName}郡へ返送されている途中です。{statusDate}に郵便局での読み取りが確認されました。',
        '郡に届きましたら、改めてお知らせします。',
        closing,
      ),
      voice: `${voiceIntro}{electionName}のあなたの投票用紙は、郵便で{countyName}郡へ返送されている途中です。郡に届きましたら、改めてお知らせします。ありがとうございました。`,
    },
    received: {
      sms: `{voterName}様：{countyName}郡は{electionName}の投票用紙を受け取りました。これから確認を行い、改めてお知らせします。${STOP}`,
      emailSubject: subject('{voterName}様の投票用紙が郡に届きました'),
      emailText: p(
        hello,
        '{countyName}郡は{statusDate}に、{electionName}のあなたの投票用紙を受け取りました。',
        'これから選挙担当者が、署名を含めて投票用封筒を確認します。確認が終わりましたら、改めてお知らせします。',
        closing,
      ),
      voice: `${voiceIntro}{countyName}郡は{electionName}のあなたの投票用紙を受け取りました。これから選挙担当者が、署名を含めて投票用封筒を確認します。確認が終わりましたら、改めてお知らせします。ありがとうございました。`,
    },
    accepted: {
      sms: `{voterName}様：{countyName}郡は{electionName}の投票用紙を受理しました。あなたの票は集計されます。ご投票ありがとうございました。${STOP}`,
      emailSubject: subject('{voterName}様の投票用紙が受理されました'),
      emailText: p(
        hello,
        '{countyName}郡は{statusDate}に、{electionName}のあなたの投票用紙を受理しました。あなたの票は集計されます。',
        'ご投票ありがとうございました。',
        closing,
      ),
      voice: `${voiceIntro}{countyName}郡は{electionName}のあなたの投票用紙を受理しました。あなたの票は集計されます。ご投票ありがとうございました。`,
    },
    not_accepted: {
      sms: `{voterName}様：{countyName}郡は{electionName}の投票用紙を受理できませんでした。ご相談は{countyPhone}へ。${STOP}`,
      emailSubject: subject('{voterName}様の投票用紙を受理できませんでした'),
      emailText: p(
        hello,
        `{countyName}郡は、{electionName}のあなたの投票用紙を受理できませんでした。そのため、この投票用紙は集計されません。${reasonParagraph}`,
        '何があったのか、またどのような選択肢があるかは、郡の選挙担当者がご説明します。{countyName}郡選挙管理事務所（{countyPhone}）にお電話いただくか、{countyWebsite} をご覧ください。',
        statusLink,
      ),
      voice: `${voiceIntro}{countyName}郡は、{electionName}のあなたの投票用紙を受理できませんでした。そのため、この投票用紙は集計されません。${reasonSpoken}何があったのか、またどのような選択肢があるかは、郡の選挙担当者がご説明します。{countyName}郡選挙管理事務所、{countyPhone}までお電話ください。ありがとうございました。`,
    },
    contact_county: {
      sms: `{voterName}様：{electionName}の投票用紙に{reasonCode, select, NVS {署名が必要です} NMS {署名の確認が必要です} NID {本人確認書類が必要です} other {手続きが必要です}}。{cureDeadline}までに{countyName}郡（{countyPhone}）へご連絡ください。${STOP}`,
      emailSubject: subject('{cureDeadline}までにお手続きください：{voterName}様の投票用紙'),
      emailText: p(
        hello,
        '{electionName}のあなたの投票用紙を集計するため、{countyName}郡ではお手続きをお願いしています。',
        `${instruction}${reasonParagraph}`,
        '{cureDeadline}までにお手続きください。{countyName}郡選挙管理事務所の連絡先：\n電話：{countyPhone}\nメール：{countyEmail}\nウェブサイト：{countyWebsite}',
        statusLink,
      ),
      voice: `${voiceIntro}{electionName}のあなたの投票用紙を集計するため、{countyName}郡ではお手続きをお願いしています。${instructionSpoken}${reasonSpoken}{cureDeadline}までにお手続きください。{countyName}郡選挙管理事務所、{countyPhone}までお電話ください。もう一度申し上げます。電話番号は{countyPhone}です。ありがとうございました。`,
    },
    undeliverable: {
      sms: `{voterName}様：{electionName}の投票用紙が配達できず、返送されました。再発行は{countyName}郡（{countyPhone}）へご連絡ください。${STOP}`,
      emailSubject: subject('{voterName}様の投票用紙が配達できませんでした'),
      emailText: p(
        hello,
        '{electionName}のあなたの投票用紙は配達できず、郵便局から{countyName}郡へ返送されました。',
        '郵送先住所の確認と投票用紙の再発行について、郡にご連絡ください。電話：{countyPhone}、ウェブサイト：{countyWebsite}',
        statusLink,
      ),
      voice: `${voiceIntro}{electionName}のあなたの投票用紙は配達できず、郵便局から{countyName}郡へ返送されました。郵送先住所の確認と投票用紙の再発行について、{countyName}郡選挙管理事務所、{countyPhone}までお電話ください。ありがとうございました。`,
    },
    reissued: {
      sms: `{voterName}様：{countyName}郡が{electionName}の新しい投票用紙を発行しました。有効なのは最新のものだけです。新しい投票用紙をお使いください。${STOP}`,
      emailSubject: subject('{voterName}様に新しい投票用紙を発行しました'),
      emailText: p(
        hello,
        '{countyName}郡は{statusDate}に、{electionName}の新しい投票用紙をあなたに発行しました。以前の投票用紙に代わるものです。',
        '集計されるのは最新の投票用紙だけです。新しい投票用紙で投票し、選挙日（{electionDate}）までに返送してください。すでに古い投票用紙を返送した場合は、郡（{countyPhone}）にお電話ください。',
        closing,
      ),
      voice: `${voiceIntro}{countyName}郡が{electionName}の新しい投票用紙を発行しました。集計されるのは最新の投票用紙だけです。新しい投票用紙で投票し、返送してください。ご不明な点は、{countyName}郡選挙管理事務所、{countyPhone}までお電話ください。ありがとうございました。`,
    },
    in_person: {
      sms: `{voterName}様：{countyName}郡の記録では、{electionName}で直接投票されています。郵便投票用紙は集計されません。${STOP}`,
      emailSubject: subject('{voterName}様の直接投票が記録されました'),
      emailText: p(
        hello,
        '{countyName}郡の記録によると、あなたは{electionName}で投票所などで直接投票されました。郵便投票用紙は不要となり、集計されません。',
        'ご投票ありがとうございました。記録に誤りがあると思われる場合は、{countyName}郡選挙管理事務所（{countyPhone}）にお電話ください。',
        statusLink,
      ),
      voice: `${voiceIntro}{countyName}郡の記録によると、あなたは{electionName}で直接投票されました。郵便投票用紙は不要となり、集計されません。記録に誤りがあると思われる場合は、{countyName}郡選挙管理事務所、{countyPhone}までお電話ください。ご投票ありがとうございました。`,
    },
    confirmation: {
      sms: `{serviceName}：{voterName}様は{countyName}郡の投票用紙のお知らせ（SMS）に登録されました。{needsYes, select, yes {確認のためYESと返信してください。} other {}}${STOP}`,
      emailSubject: '投票用紙のお知らせに登録されました：{voterName}様、{countyName}郡',
      emailText: p(
        hello,
        '{countyName}郡の{voterName}様は、{serviceName}の投票用紙追跡のお知らせに登録されました。投票用紙の郵送時、郡への到着時、そして受理されたときやお手続きが必要なときにお知らせします。',
        '投票用紙の状況の確認や設定の変更はこちら：{statusUrl}\nご不明な点は{helpPhone}までお電話ください。',
      ),
      voice: 'こんにちは。{serviceName}です。{countyName}郡の{voterName}様は、投票用紙追跡のお知らせに登録されました。投票用紙の郵送時、郡への到着時、そして受理されたときやお手続きが必要なときにお知らせします。ありがとうございました。',
    },
    opt_out_confirmation: {
      sms: '{serviceName}：この番号への投票用紙のお知らせを停止しました。再開するにはSTARTと返信してください。',
      emailSubject: '{serviceName}：投票用紙のお知らせメールを停止しました',
      emailText: p(
        'このアドレスへの{serviceName}の投票用紙追跡メールを停止しました。',
        '再度登録する場合は {statusUrl} からお手続きください。ご不明な点は{helpPhone}までお電話ください。',
      ),
      voice: '{serviceName}です。この番号への投票用紙追跡のお電話を停止しました。ありがとうございました。',
    },
    opt_in_confirmation: {
      sms: `{serviceName}：この番号への投票用紙のお知らせを再開しました。ヘルプはHELP、${STOP}`,
      emailSubject: '{serviceName}：投票用紙のお知らせメールを再開しました',
      emailText: p(
        'このアドレスへの{serviceName}の投票用紙追跡メールを再開しました。',
        '投票用紙の状況の確認や設定の変更はこちら：{statusUrl}\nご不明な点は{helpPhone}までお電話ください。',
      ),
      voice: '{serviceName}です。この番号への投票用紙追跡のお電話を再開しました。ありがとうございました。',
    },
    help: {
      sms: `{serviceName}：州と郡による投票用紙追跡のお知らせです。お問い合わせ：{helpPhone}、{statusUrl}。通信料がかかる場合があります。${STOP}`,
      emailSubject: '{serviceName}：投票用紙追跡のお知らせについて',
      emailText: p(
        '{serviceName}は、州およびお住まいの郡の選挙管理事務所に代わって投票用紙追跡のお知らせをお送りしています。',
        'お問い合わせは{helpPhone}にお電話いただくか、{statusUrl} をご覧ください。メールの配信を停止するには、下の配信停止リンクをご利用ください。',
      ),
      voice: '{serviceName}です。州およびお住まいの郡の選挙管理事務所に代わって、投票用紙追跡のお知らせをお送りしています。お問い合わせは{helpPhone}までお電話ください。ありがとうございました。',
    },
  },
};
