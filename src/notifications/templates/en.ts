/**
 * English default texts. See catalog.ts for the variables and rules.
 * SMS stays within GSM-7 characters (straight apostrophes, no dashes) so a
 * text to a voter with a plain-ASCII name costs the fewest segments.
 */
import type { LanguagePack } from './catalog.ts';

const p = (...paragraphs: string[]): string => paragraphs.join('\n\n');

const STOP = 'Reply STOP to stop';
const hello = 'Hello {voterName},';
const statusLink = 'See your ballot status: {statusUrl}';
const questions = 'Questions? Call {countyName} County Elections at {countyPhone} or visit {countyWebsite}.';
const closing = `${statusLink}\n${questions}`;
const subject = (what: string): string => `${what} – {electionName}, {countyName} County`;
const reasonParagraph = '{hasReason, select, yes {\n\nReason: {reasonText}} other {}}';
const reasonSpoken = '{hasReason, select, yes { The reason given is: {reasonText}} other {}}';
const instruction = '{reasonCode, select, '
  + 'NVS {Your signature is missing from your ballot envelope. To fix this, get a signature statement from the county, sign it and return it.} '
  + 'NMS {The signature on your ballot envelope needs to be verified. To fix this, get a signature verification statement from the county, sign it and return it.} '
  + 'NID {Your ballot needs a copy of your ID before it can be counted. Send the county a copy of an accepted form of ID.} '
  + 'other {Please contact the county to find out what is needed.}}';
const instructionSpoken = '{reasonCode, select, '
  + 'NVS {Your signature is missing from your ballot envelope. Please sign and return a signature statement from the county.} '
  + 'NMS {The signature on your ballot envelope needs to be verified. Please sign and return a signature verification statement from the county.} '
  + 'NID {Your ballot needs a copy of your ID. Please send the county a copy of your ID.} '
  + 'other {Please contact the county to find out what is needed.}}';
const voiceIntro = 'Hello. This is {serviceName} with a message for {voterName}.';

export const en: LanguagePack = {
  language: 'en',
  emailFooter: 'You get this email because this address is signed up for {serviceName} ballot tracking messages.',
  unsubscribeLabel: 'Unsubscribe from these emails',
  templates: {
    outbound: {
      sms: `{voterName}: {countyName} County has mailed your ballot for the {electionName}. It is on its way to you. ${STOP}`,
      emailSubject: subject('Ballot mailed for {voterName}'),
      emailText: p(
        hello,
        '{countyName} County mailed your ballot for the {electionName} on {statusDate}. It is on its way to you.',
        'Vote and return your ballot by election day, {electionDate}. You can mail it back or take it to a drop box or voting location.',
        closing,
      ),
      voice: `${voiceIntro} {countyName} County has mailed your ballot for the {electionName}. It is on its way to you. Please vote and return it by election day, {electionDate}. If you have questions, call {countyName} County Elections at {countyPhone}. Thank you.`,
    },
    inbound: {
      sms: `{voterName}: your ballot for the {electionName} is in the mail on its way back to {countyName} County. ${STOP}`,
      emailSubject: subject('Ballot on its way back for {voterName}'),
      emailText: p(
        hello,
        'The Postal Service is carrying your ballot for the {electionName} back to {countyName} County. It was scanned in the mail on {statusDate}.',
        'We will send you another message when the county has it.',
        closing,
      ),
      voice: `${voiceIntro} The Postal Service is carrying your ballot for the {electionName} back to {countyName} County. We will send you another message when the county has it. Thank you.`,
    },
    received: {
      sms: `{voterName}: {countyName} County received your ballot for the {electionName}. It will be checked; we'll text you again. ${STOP}`,
      emailSubject: subject('Ballot received for {voterName}'),
      emailText: p(
        hello,
        '{countyName} County received your ballot for the {electionName} on {statusDate}.',
        'Next, election staff will check your ballot envelope, including your signature. We will send you another message when that is done.',
        closing,
      ),
      voice: `${voiceIntro} {countyName} County received your ballot for the {electionName}. Next, election staff will check your ballot envelope, including your signature. We will send you another message when that is done. Thank you.`,
    },
    accepted: {
      sms: `{voterName}: {countyName} County accepted your ballot for the {electionName}. It will be counted. Thank you for voting! ${STOP}`,
      emailSubject: subject('Ballot accepted for {voterName}'),
      emailText: p(
        hello,
        '{countyName} County accepted your ballot for the {electionName} on {statusDate}. Your ballot will be counted.',
        'Thank you for voting.',
        closing,
      ),
      voice: `${voiceIntro} {countyName} County accepted your ballot for the {electionName}. Your ballot will be counted. Thank you for voting.`,
    },
    not_accepted: {
      sms: `{voterName}: {countyName} County could not accept your ballot for the {electionName}. For help, call {countyPhone}. ${STOP}`,
      emailSubject: subject('Ballot could not be accepted for {voterName}'),
      emailText: p(
        hello,
        `{countyName} County could not accept your ballot for the {electionName}, so it will not be counted.${reasonParagraph}`,
        'County election staff can tell you what happened and what options you have. Please call {countyName} County Elections at {countyPhone} or visit {countyWebsite}.',
        statusLink,
      ),
      voice: `${voiceIntro} {countyName} County could not accept your ballot for the {electionName}, so it will not be counted.${reasonSpoken} County election staff can tell you what happened and what options you have. Please call {countyName} County Elections at {countyPhone}. Thank you.`,
    },
    contact_county: {
      sms: `{voterName}: your {electionName} ballot needs {reasonCode, select, NVS {your signature} NMS {your signature} NID {a copy of your ID} other {attention}}. Call {countyName} County by {cureDeadline}: {countyPhone}. ${STOP}`,
      emailSubject: subject('Action needed by {cureDeadline}: ballot for {voterName}'),
      emailText: p(
        hello,
        '{countyName} County needs your help before it can count your ballot for the {electionName}.',
        `${instruction}${reasonParagraph}`,
        'Please do this by {cureDeadline}. Contact {countyName} County Elections:\nPhone: {countyPhone}\nEmail: {countyEmail}\nWebsite: {countyWebsite}',
        statusLink,
      ),
      voice: `${voiceIntro} {countyName} County needs your help before it can count your ballot for the {electionName}. ${instructionSpoken}${reasonSpoken} Please do this by {cureDeadline}. Call {countyName} County Elections at {countyPhone}. Again, the number is {countyPhone}. Thank you.`,
    },
    undeliverable: {
      sms: `{voterName}: your {electionName} ballot came back undeliverable. For a new one, call {countyName} County, {countyPhone}. ${STOP}`,
      emailSubject: subject('Ballot could not be delivered to {voterName}'),
      emailText: p(
        hello,
        'Your ballot for the {electionName} could not be delivered. The post office returned it to {countyName} County.',
        'Please contact the county to confirm your mailing address and to get a replacement ballot. Call {countyPhone} or visit {countyWebsite}.',
        statusLink,
      ),
      voice: `${voiceIntro} Your ballot for the {electionName} could not be delivered, and the post office returned it to {countyName} County. Please call {countyName} County Elections at {countyPhone} to confirm your mailing address and get a replacement ballot. Thank you.`,
    },
    reissued: {
      sms: `{voterName}: {countyName} County issued you a new ballot for the {electionName}. Use the new one; only the latest counts. ${STOP}`,
      emailSubject: subject('New ballot issued for {voterName}'),
      emailText: p(
        hello,
        '{countyName} County issued you a new ballot for the {electionName} on {statusDate}. It replaces any ballot you got before.',
        'Only your newest ballot can be counted, so please vote and return the new one by election day, {electionDate}. If you already sent back an older ballot, call the county at {countyPhone}.',
        closing,
      ),
      voice: `${voiceIntro} {countyName} County issued you a new ballot for the {electionName}. Only your newest ballot can be counted, so please vote and return the new one. If you have questions, call {countyName} County Elections at {countyPhone}. Thank you.`,
    },
    in_person: {
      sms: `{voterName}: {countyName} County shows you voted in person in the {electionName}, so your mail ballot won't be counted. ${STOP}`,
      emailSubject: subject('In-person vote recorded for {voterName}'),
      emailText: p(
        hello,
        '{countyName} County records show that you voted in person in the {electionName}. Your mail ballot is not needed and will not be counted.',
        'Thank you for voting. If you think this is a mistake, please call {countyName} County Elections at {countyPhone}.',
        statusLink,
      ),
      voice: `${voiceIntro} {countyName} County records show that you voted in person in the {electionName}. Your mail ballot is not needed and will not be counted. If you think this is a mistake, please call {countyName} County Elections at {countyPhone}. Thank you for voting.`,
    },
    confirmation: {
      sms: `{serviceName}: {voterName} is signed up for ballot texts from {countyName} County.{needsYes, select, yes { Reply YES to confirm.} other {}} ${STOP}, HELP for help`,
      emailSubject: 'Signed up for ballot updates: {voterName}, {countyName} County',
      emailText: p(
        hello,
        'You are signed up for {serviceName} ballot tracking messages for {voterName} in {countyName} County. We will let you know when your ballot is mailed, when the county receives it, and whether it is accepted or needs your attention.',
        'See your ballot status or change your settings: {statusUrl}\nQuestions? Call {helpPhone}.',
      ),
      voice: 'Hello. This is {serviceName}. {voterName} is signed up for ballot tracking messages from {countyName} County. We will call when the ballot is mailed, when the county receives it, and whether it is accepted or needs attention. Thank you.',
    },
    opt_out_confirmation: {
      sms: '{serviceName}: you will no longer get ballot texts at this number. Reply START to get them again.',
      emailSubject: '{serviceName}: you will no longer get ballot emails',
      emailText: p(
        'You will no longer get {serviceName} ballot tracking emails at this address.',
        'If you change your mind, you can sign up again at {statusUrl}. Questions? Call {helpPhone}.',
      ),
      voice: 'This is {serviceName}. You will no longer get ballot tracking calls at this number. Thank you.',
    },
    opt_in_confirmation: {
      sms: `{serviceName}: ballot texts are on again for this number. Reply HELP for help. ${STOP}`,
      emailSubject: '{serviceName}: ballot emails are on again',
      emailText: p(
        'You will get {serviceName} ballot tracking emails at this address again.',
        'See your ballot status or change your settings: {statusUrl}\nQuestions? Call {helpPhone}.',
      ),
      voice: 'This is {serviceName}. Ballot tracking calls are on again for this number. Thank you.',
    },
    help: {
      sms: `{serviceName}: ballot tracking texts from the state and your county. Help: {helpPhone} or {statusUrl}. Msg&data rates may apply. ${STOP}`,
      emailSubject: '{serviceName}: help with ballot tracking messages',
      emailText: p(
        '{serviceName} sends ballot tracking messages for the state and your county elections office.',
        'For help, call {helpPhone} or visit {statusUrl}. To stop these emails, use the unsubscribe link below.',
      ),
      voice: 'This is {serviceName}, which sends ballot tracking messages for the state and your county elections office. For help, call {helpPhone}. Thank you.',
    },
  },
};
