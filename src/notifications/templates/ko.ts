/**
 * Korean default texts. See catalog.ts for the variables and rules.
 * Values are never followed by a particle that depends on their last sound
 * (을/를, 이/가, 으로/로): labels and nouns stand in between.
 */
import type { LanguagePack } from './catalog.ts';

const p = (...paragraphs: string[]): string => paragraphs.join('\n\n');

const STOP = '수신 거부는 STOP 회신';
const hello = '{voterName} 님, 안녕하세요.';
const statusLink = '투표용지 상태 확인: {statusUrl}';
const questions = '문의: {countyName} 카운티 선거사무소, 전화 {countyPhone}, 웹사이트 {countyWebsite}';
const closing = `${statusLink}\n${questions}`;
const subject = (what: string): string => `${what} – {electionName}, {countyName} 카운티`;
const reasonParagraph = '{hasReason, select, yes {\n\n사유: {reasonText}} other {}}';
const reasonSpoken = '{hasReason, select, yes { 카운티가 알려 온 사유는 다음과 같습니다. {reasonText}} other {}}';
const instruction = '{reasonCode, select, '
  + 'NVS {투표용지 봉투에 서명이 없습니다. 카운티에서 서명 진술서를 받아 서명한 후 제출해 주세요.} '
  + 'NMS {투표용지 봉투의 서명을 확인해야 합니다. 카운티에서 서명 확인 진술서를 받아 서명한 후 제출해 주세요.} '
  + 'NID {투표용지를 집계하려면 신분증 사본이 필요합니다. 인정되는 신분증의 사본을 카운티에 보내 주세요.} '
  + 'other {필요한 사항은 카운티에 문의해 주세요.}}';
const instructionSpoken = '{reasonCode, select, '
  + 'NVS {투표용지 봉투에 서명이 없습니다. 카운티에서 서명 진술서를 받아 서명한 후 제출해 주세요.} '
  + 'NMS {투표용지 봉투의 서명을 확인해야 합니다. 카운티에서 서명 확인 진술서를 받아 서명한 후 제출해 주세요.} '
  + 'NID {신분증 사본이 필요합니다. 신분증 사본을 카운티에 보내 주세요.} '
  + 'other {필요한 사항은 카운티에 문의해 주세요.}}';
const voiceIntro = '안녕하세요. {serviceName}에서 {voterName} 님께 알려 드립니다.';

export const ko: LanguagePack = {
  language: 'ko',
  emailFooter: '이 주소가 {serviceName} 투표용지 추적 알림을 받도록 등록되어 있어 이 이메일을 보내 드립니다.',
  unsubscribeLabel: '이 이메일 수신 거부',
  templates: {
    outbound: {
      sms: `{voterName} 님: {countyName} 카운티가 {electionName} 투표용지를 우편으로 발송했습니다. 현재 배송 중입니다. ${STOP}`,
      emailSubject: subject('{voterName} 님의 투표용지가 발송되었습니다'),
      emailText: p(
        hello,
        '{countyName} 카운티가 {statusDate}에 {electionName} 투표용지를 우편으로 발송했습니다. 현재 배송 중입니다.',
        '선거일({electionDate})까지 투표한 후 투표용지를 반송해 주세요. 우편으로 보내시거나 투표함 또는 투표소에 직접 제출하실 수 있습니다.',
        closing,
      ),
      voice: `${voiceIntro} {countyName} 카운티가 {electionName} 투표용지를 우편으로 발송했습니다. 현재 배송 중입니다. 선거일인 {electionDate}까지 투표한 후 반송해 주세요. 문의 사항은 {countyName} 카운티 선거사무소, 전화 {countyPhone} 번으로 연락해 주세요. 감사합니다.`,
    },
    inbound: {
      sms: `{voterName} 님: {electionName} 투표용지가 우편으로 {countyName} 카운티에 반송되는 중입니다. ${STOP}`,
      emailSubject: subject('{voterName} 님의 투표용지가 반송 중입니다'),
      emailText: p(
        hello,
        '미국 우정청(USPS)이 {electionName} 투표용지를 {countyName} 카운티로 배송하고 있습니다. {statusDate}에 우편 스캔이 확인되었습니다.',
        '카운티에 도착하면 다시 알려 드리겠습니다.',
        closing,
      ),
      voice: `${voiceIntro} {electionName} 투표용지가 우편으로 {countyName} 카운티에 반송되는 중입니다. 카운티에 도착하면 다시 알려 드리겠습니다. 감사합니다.`,
    },
    received: {
      sms: `{voterName} 님: {countyName} 카운티가 {electionName} 투표용지를 받았습니다. 이제 확인 절차가 진행되며, 다시 알려 드리겠습니다. ${STOP}`,
      emailSubject: subject('{voterName} 님의 투표용지가 도착했습니다'),
      emailText: p(
        hello,
        '{countyName} 카운티가 {statusDate}에 {electionName} 투표용지를 받았습니다.',
        '다음으로 선거 담당자가 서명을 포함해 투표용지 봉투를 확인합니다. 확인이 끝나면 다시 알려 드리겠습니다.',
        closing,
      ),
      voice: `${voiceIntro} {countyName} 카운티가 {electionName} 투표용지를 받았습니다. 다음으로 선거 담당자가 서명을 포함해 투표용지 봉투를 확인합니다. 확인이 끝나면 다시 알려 드리겠습니다. 감사합니다.`,
    },
    accepted: {
      sms: `{voterName} 님: {countyName} 카운티가 {electionName} 투표용지를 승인했습니다. 귀하의 표는 집계됩니다. 투표해 주셔서 감사합니다! ${STOP}`,
      emailSubject: subject('{voterName} 님의 투표용지가 승인되었습니다'),
      emailText: p(
        hello,
        '{countyName} 카운티가 {statusDate}에 {electionName} 투표용지를 승인했습니다. 귀하의 표는 집계됩니다.',
        '투표해 주셔서 감사합니다.',
        closing,
      ),
      voice: `${voiceIntro} {countyName} 카운티가 {electionName} 투표용지를 승인했습니다. 귀하의 표는 집계됩니다. 투표해 주셔서 감사합니다.`,
    },
    not_accepted: {
      sms: `{voterName} 님: {countyName} 카운티가 {electionName} 투표용지를 승인하지 못했습니다. 도움이 필요하시면 전화하세요: {countyPhone}. ${STOP}`,
      emailSubject: subject('{voterName} 님의 투표용지가 승인되지 못했습니다'),
      emailText: p(
        hello,
        `{countyName} 카운티가 {electionName} 투표용지를 승인하지 못했습니다. 따라서 이 투표용지는 집계되지 않습니다.${reasonParagraph}`,
        '어떤 일이 있었는지, 어떤 선택지가 있는지 카운티 선거 담당자가 안내해 드립니다. {countyName} 카운티 선거사무소에 연락해 주세요. 전화 {countyPhone}, 웹사이트 {countyWebsite}',
        statusLink,
      ),
      voice: `${voiceIntro} {countyName} 카운티가 {electionName} 투표용지를 승인하지 못했습니다. 따라서 이 투표용지는 집계되지 않습니다.${reasonSpoken} 어떤 일이 있었는지, 어떤 선택지가 있는지 카운티 선거 담당자가 안내해 드립니다. {countyName} 카운티 선거사무소, 전화 {countyPhone} 번으로 연락해 주세요. 감사합니다.`,
    },
    contact_county: {
      sms: `{voterName} 님: {electionName} 투표용지에 {reasonCode, select, NVS {서명이 필요합니다} NMS {서명 확인이 필요합니다} NID {신분증 사본이 필요합니다} other {조치가 필요합니다}}. {cureDeadline}까지 {countyName} 카운티에 연락하세요: {countyPhone}. ${STOP}`,
      emailSubject: subject('{cureDeadline}까지 조치 필요: {voterName} 님의 투표용지'),
      emailText: p(
        hello,
        '{countyName} 카운티에서 {electionName} 투표용지를 집계하려면 귀하의 조치가 필요합니다.',
        `${instruction}${reasonParagraph}`,
        '{cureDeadline}까지 처리해 주세요. {countyName} 카운티 선거사무소 연락처:\n전화: {countyPhone}\n이메일: {countyEmail}\n웹사이트: {countyWebsite}',
        statusLink,
      ),
      voice: `${voiceIntro} {countyName} 카운티에서 {electionName} 투표용지를 집계하려면 귀하의 조치가 필요합니다. ${instructionSpoken}${reasonSpoken} {cureDeadline}까지 처리해 주세요. {countyName} 카운티 선거사무소, 전화 {countyPhone} 번으로 연락해 주세요. 다시 한 번 말씀드립니다. 전화번호는 {countyPhone} 입니다. 감사합니다.`,
    },
    undeliverable: {
      sms: `{voterName} 님: {electionName} 투표용지가 배달되지 못하고 반송되었습니다. 새 투표용지는 {countyName} 카운티에 문의하세요: {countyPhone}. ${STOP}`,
      emailSubject: subject('{voterName} 님의 투표용지가 배달되지 못했습니다'),
      emailText: p(
        hello,
        '{electionName} 투표용지가 배달되지 못해 우체국이 {countyName} 카운티로 반송했습니다.',
        '카운티에 연락하여 우편 주소를 확인하고 새 투표용지를 받으세요. 전화 {countyPhone}, 웹사이트 {countyWebsite}',
        statusLink,
      ),
      voice: `${voiceIntro} {electionName} 투표용지가 배달되지 못해 우체국이 {countyName} 카운티로 반송했습니다. {countyName} 카운티 선거사무소, 전화 {countyPhone} 번으로 연락하여 우편 주소를 확인하고 새 투표용지를 받으세요. 감사합니다.`,
    },
    reissued: {
      sms: `{voterName} 님: {countyName} 카운티가 {electionName} 새 투표용지를 발급했습니다. 가장 최근 투표용지만 유효하니 새 투표용지를 사용하세요. ${STOP}`,
      emailSubject: subject('{voterName} 님께 새 투표용지가 발급되었습니다'),
      emailText: p(
        hello,
        '{countyName} 카운티가 {statusDate}에 {electionName} 새 투표용지를 발급했습니다. 이전에 받으신 투표용지를 대신합니다.',
        '가장 최근 투표용지만 집계될 수 있으니, 새 투표용지로 투표하여 선거일({electionDate})까지 반송해 주세요. 이미 이전 투표용지를 보내셨다면 카운티에 전화해 주세요: {countyPhone}',
        closing,
      ),
      voice: `${voiceIntro} {countyName} 카운티가 {electionName} 새 투표용지를 발급했습니다. 가장 최근 투표용지만 집계될 수 있으니, 새 투표용지로 투표하여 반송해 주세요. 문의 사항은 {countyName} 카운티 선거사무소, 전화 {countyPhone} 번으로 연락해 주세요. 감사합니다.`,
    },
    in_person: {
      sms: `{voterName} 님: {countyName} 카운티 기록상 {electionName}에서 직접 투표하셨으므로 우편 투표용지는 집계되지 않습니다. ${STOP}`,
      emailSubject: subject('{voterName} 님의 직접 투표가 기록되었습니다'),
      emailText: p(
        hello,
        '{countyName} 카운티 기록에 따르면 귀하는 {electionName}에서 직접 투표하셨습니다. 우편 투표용지는 필요하지 않으며 집계되지 않습니다.',
        '투표해 주셔서 감사합니다. 기록이 잘못되었다고 생각되시면 {countyName} 카운티 선거사무소에 전화해 주세요: {countyPhone}',
        statusLink,
      ),
      voice: `${voiceIntro} {countyName} 카운티 기록에 따르면 귀하는 {electionName}에서 직접 투표하셨습니다. 우편 투표용지는 필요하지 않으며 집계되지 않습니다. 기록이 잘못되었다고 생각되시면 {countyName} 카운티 선거사무소, 전화 {countyPhone} 번으로 연락해 주세요. 투표해 주셔서 감사합니다.`,
    },
    confirmation: {
      sms: `{serviceName}: {voterName} 님이 {countyName} 카운티 투표용지 알림 문자에 등록되었습니다.{needsYes, select, yes { 확인하려면 YES라고 회신하세요.} other {}} ${STOP}`,
      emailSubject: '투표용지 알림 등록 완료: {voterName} 님, {countyName} 카운티',
      emailText: p(
        hello,
        '{countyName} 카운티의 {voterName} 님이 {serviceName} 투표용지 추적 알림에 등록되었습니다. 투표용지가 발송될 때, 카운티에 도착할 때, 그리고 승인되거나 조치가 필요할 때 알려 드립니다.',
        '투표용지 상태 확인 및 설정 변경: {statusUrl}\n문의 전화: {helpPhone}',
      ),
      voice: '안녕하세요. {serviceName}입니다. {countyName} 카운티의 {voterName} 님이 투표용지 추적 알림에 등록되었습니다. 투표용지가 발송될 때, 카운티에 도착할 때, 그리고 승인되거나 조치가 필요할 때 알려 드립니다. 감사합니다.',
    },
    opt_out_confirmation: {
      sms: '{serviceName}: 이 번호로 더 이상 투표용지 알림 문자가 발송되지 않습니다. 다시 받으려면 START라고 회신하세요.',
      emailSubject: '{serviceName}: 투표용지 알림 이메일 수신이 중단되었습니다',
      emailText: p(
        '이 주소로 더 이상 {serviceName} 투표용지 추적 이메일이 발송되지 않습니다.',
        '마음이 바뀌시면 다시 등록하실 수 있습니다: {statusUrl}\n문의 전화: {helpPhone}',
      ),
      voice: '{serviceName}입니다. 이 번호로 더 이상 투표용지 추적 전화가 걸려 오지 않습니다. 감사합니다.',
    },
    opt_in_confirmation: {
      sms: `{serviceName}: 이 번호로 투표용지 알림 문자를 다시 보내 드립니다. 도움말은 HELP, ${STOP}`,
      emailSubject: '{serviceName}: 투표용지 알림 이메일이 다시 발송됩니다',
      emailText: p(
        '이 주소로 {serviceName} 투표용지 추적 이메일을 다시 보내 드립니다.',
        '투표용지 상태 확인 및 설정 변경: {statusUrl}\n문의 전화: {helpPhone}',
      ),
      voice: '{serviceName}입니다. 이 번호로 투표용지 추적 전화를 다시 드립니다. 감사합니다.',
    },
    help: {
      sms: `{serviceName}: 주 정부와 카운티의 투표용지 추적 알림입니다. 문의: {helpPhone}, {statusUrl}. 메시지 및 데이터 요금이 부과될 수 있습니다. ${STOP}`,
      emailSubject: '{serviceName}: 투표용지 추적 알림 안내',
      emailText: p(
        '{serviceName}은(는) 주 정부와 거주하시는 카운티 선거사무소를 대신해 투표용지 추적 알림을 보내 드립니다.',
        '도움이 필요하시면 {helpPhone} 번으로 전화하시거나 다음 웹사이트를 방문하세요: {statusUrl}\n이메일 수신을 원하지 않으시면 아래의 수신 거부 링크를 이용하세요.',
      ),
      voice: '{serviceName}입니다. 주 정부와 거주하시는 카운티 선거사무소를 대신해 투표용지 추적 알림을 보내 드립니다. 도움이 필요하시면 {helpPhone} 번으로 전화해 주세요. 감사합니다.',
    },
  },
};
