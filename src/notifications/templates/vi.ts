/**
 * Vietnamese default texts, with full diacritics. See catalog.ts for the
 * variables and rules. SMS open with "name, election:" to fit three UCS-2
 * segments. Dates arrive as Intl formats them ("30 tháng 11"); templates add "ngày".
 */
import type { LanguagePack } from './catalog.ts';

const p = (...paragraphs: string[]): string => paragraphs.join('\n\n');

const STOP = 'Nhắn STOP để ngừng';
const head = '{voterName}, {electionName}:';
const hello = 'Kính gửi {voterName},';
const statusLink = 'Xem tình trạng lá phiếu: {statusUrl}';
const questions = 'Nếu có thắc mắc, vui lòng gọi Văn phòng Bầu cử Quận {countyName} theo số {countyPhone} hoặc truy cập {countyWebsite}.';
const closing = `${statusLink}\n${questions}`;
const subject = (what: string): string => `${what} – {electionName}, Quận {countyName}`;
const reasonParagraph = '{hasReason, select, yes {\n\nLý do: {reasonText}} other {}}';
const reasonSpoken = '{hasReason, select, yes { Lý do quận đưa ra là: {reasonText}} other {}}';
const instruction = '{reasonCode, select, '
  + 'NVS {Phong bì lá phiếu của quý vị thiếu chữ ký. Để khắc phục, vui lòng lấy mẫu tuyên bố chữ ký từ quận, ký tên và gửi lại.} '
  + 'NMS {Chữ ký trên phong bì lá phiếu của quý vị cần được xác minh. Để khắc phục, vui lòng lấy mẫu tuyên bố xác minh chữ ký từ quận, ký tên và gửi lại.} '
  + 'NID {Lá phiếu của quý vị cần có bản sao giấy tờ tùy thân thì mới được kiểm đếm. Vui lòng gửi cho quận bản sao một loại giấy tờ tùy thân hợp lệ.} '
  + 'other {Vui lòng liên hệ với quận để biết cần làm gì.}}';
const instructionSpoken = '{reasonCode, select, '
  + 'NVS {Phong bì lá phiếu của quý vị thiếu chữ ký. Vui lòng lấy mẫu tuyên bố chữ ký từ quận, ký tên và gửi lại.} '
  + 'NMS {Chữ ký trên phong bì lá phiếu của quý vị cần được xác minh. Vui lòng lấy mẫu tuyên bố xác minh chữ ký từ quận, ký tên và gửi lại.} '
  + 'NID {Lá phiếu của quý vị cần có bản sao giấy tờ tùy thân. Vui lòng gửi bản sao cho quận.} '
  + 'other {Vui lòng liên hệ với quận để biết cần làm gì.}}';
const voiceIntro = 'Xin chào. Đây là {serviceName} với một thông báo cho {voterName}.';

export const vi: LanguagePack = {
  language: 'vi',
  emailFooter: 'Quý vị nhận được email này vì địa chỉ này đã đăng ký nhận thông báo theo dõi lá phiếu của {serviceName}.',
  unsubscribeLabel: 'Hủy đăng ký nhận các email này',
  templates: {
    outbound: {
      sms: `${head} Quận {countyName} đã gửi lá phiếu qua bưu điện cho quý vị. Phiếu đang trên đường đến. ${STOP}`,
      emailSubject: subject('Đã gửi lá phiếu cho {voterName}'),
      emailText: p(
        hello,
        'Quận {countyName} đã gửi lá phiếu {electionName} của quý vị qua bưu điện vào ngày {statusDate}. Lá phiếu đang trên đường đến với quý vị.',
        'Vui lòng bỏ phiếu và gửi lại lá phiếu chậm nhất là vào ngày bầu cử, {electionDate}. Quý vị có thể gửi lại qua bưu điện, bỏ vào thùng phiếu hoặc nộp tại địa điểm bỏ phiếu.',
        closing,
      ),
      voice: `${voiceIntro} Quận {countyName} đã gửi lá phiếu {electionName} của quý vị qua bưu điện. Lá phiếu đang trên đường đến với quý vị. Vui lòng bỏ phiếu và gửi lại chậm nhất là vào ngày bầu cử, {electionDate}. Nếu có thắc mắc, vui lòng gọi Văn phòng Bầu cử Quận {countyName} theo số {countyPhone}. Xin cảm ơn.`,
    },
    inbound: {
      sms: `${head} bưu điện đang chuyển lá phiếu của quý vị về Quận {countyName}. ${STOP}`,
      emailSubject: subject('Lá phiếu của {voterName} đang được gửi về quận'),
      emailText: p(
        hello,
        'Bưu điện Hoa Kỳ đang chuyển lá phiếu {electionName} của quý vị về Quận {countyName}. Lá phiếu đã được quét trong hệ thống bưu điện vào ngày {statusDate}.',
        'Chúng tôi sẽ gửi thông báo tiếp theo khi quận nhận được lá phiếu.',
        closing,
      ),
      voice: `${voiceIntro} Bưu điện đang chuyển lá phiếu {electionName} của quý vị về Quận {countyName}. Chúng tôi sẽ gửi thông báo tiếp theo khi quận nhận được lá phiếu. Xin cảm ơn.`,
    },
    received: {
      sms: `${head} Quận {countyName} đã nhận lá phiếu của quý vị. Phiếu sẽ được xem xét, chúng tôi sẽ báo tiếp. ${STOP}`,
      emailSubject: subject('Quận đã nhận lá phiếu của {voterName}'),
      emailText: p(
        hello,
        'Quận {countyName} đã nhận được lá phiếu {electionName} của quý vị vào ngày {statusDate}.',
        'Tiếp theo, nhân viên bầu cử sẽ xem xét phong bì lá phiếu, bao gồm chữ ký của quý vị. Chúng tôi sẽ gửi thông báo tiếp theo khi việc này hoàn tất.',
        closing,
      ),
      voice: `${voiceIntro} Quận {countyName} đã nhận được lá phiếu {electionName} của quý vị. Tiếp theo, nhân viên bầu cử sẽ xem xét phong bì lá phiếu, bao gồm chữ ký của quý vị. Chúng tôi sẽ gửi thông báo tiếp theo khi việc này hoàn tất. Xin cảm ơn.`,
    },
    accepted: {
      sms: `${head} Quận {countyName} đã chấp nhận lá phiếu của quý vị. Phiếu sẽ được kiểm đếm. Xin cảm ơn! ${STOP}`,
      emailSubject: subject('Lá phiếu của {voterName} đã được chấp nhận'),
      emailText: p(
        hello,
        'Quận {countyName} đã chấp nhận lá phiếu {electionName} của quý vị vào ngày {statusDate}. Lá phiếu của quý vị sẽ được kiểm đếm.',
        'Cảm ơn quý vị đã bỏ phiếu.',
        closing,
      ),
      voice: `${voiceIntro} Quận {countyName} đã chấp nhận lá phiếu {electionName} của quý vị. Lá phiếu của quý vị sẽ được kiểm đếm. Cảm ơn quý vị đã bỏ phiếu.`,
    },
    not_accepted: {
      sms: `${head} Quận {countyName} không thể chấp nhận lá phiếu của quý vị. Cần giúp đỡ, xin gọi {countyPhone}. ${STOP}`,
      emailSubject: subject('Lá phiếu của {voterName} không được chấp nhận'),
      emailText: p(
        hello,
        `Quận {countyName} không thể chấp nhận lá phiếu {electionName} của quý vị, vì vậy lá phiếu này sẽ không được kiểm đếm.${reasonParagraph}`,
        'Nhân viên bầu cử của quận có thể giải thích điều gì đã xảy ra và quý vị có những lựa chọn nào. Vui lòng gọi Văn phòng Bầu cử Quận {countyName} theo số {countyPhone} hoặc truy cập {countyWebsite}.',
        statusLink,
      ),
      voice: `${voiceIntro} Quận {countyName} không thể chấp nhận lá phiếu {electionName} của quý vị, vì vậy lá phiếu này sẽ không được kiểm đếm.${reasonSpoken} Nhân viên bầu cử của quận có thể giải thích điều gì đã xảy ra và quý vị có những lựa chọn nào. Vui lòng gọi Văn phòng Bầu cử Quận {countyName} theo số {countyPhone}. Xin cảm ơn.`,
    },
    contact_county: {
      sms: `${head} {reasonCode, select, NVS {phiếu thiếu chữ ký} NMS {cần xác minh chữ ký} NID {cần bản sao ID} other {phiếu cần xử lý}}. Gọi Quận {countyName} chậm nhất ngày {cureDeadline}: {countyPhone}. ${STOP}`,
      emailSubject: subject('Cần xử lý trước hạn chót ngày {cureDeadline}: lá phiếu của {voterName}'),
      emailText: p(
        hello,
        'Quận {countyName} cần quý vị hỗ trợ thì mới có thể kiểm đếm lá phiếu {electionName} của quý vị.',
        `${instruction}${reasonParagraph}`,
        'Vui lòng thực hiện chậm nhất là ngày {cureDeadline}. Liên hệ Văn phòng Bầu cử Quận {countyName}:\nĐiện thoại: {countyPhone}\nEmail: {countyEmail}\nTrang web: {countyWebsite}',
        statusLink,
      ),
      voice: `${voiceIntro} Quận {countyName} cần quý vị hỗ trợ thì mới có thể kiểm đếm lá phiếu {electionName} của quý vị. ${instructionSpoken}${reasonSpoken} Vui lòng thực hiện chậm nhất là ngày {cureDeadline}. Hãy gọi Văn phòng Bầu cử Quận {countyName} theo số {countyPhone}. Xin nhắc lại, số điện thoại là {countyPhone}. Xin cảm ơn.`,
    },
    undeliverable: {
      sms: `${head} lá phiếu bị trả lại vì không gửi được. Xin phiếu mới, gọi Quận {countyName}: {countyPhone}. ${STOP}`,
      emailSubject: subject('Không gửi được lá phiếu đến {voterName}'),
      emailText: p(
        hello,
        'Lá phiếu {electionName} của quý vị không gửi đến được. Bưu điện đã trả lá phiếu về Quận {countyName}.',
        'Vui lòng liên hệ với quận để xác nhận địa chỉ gửi thư và nhận lá phiếu thay thế. Hãy gọi {countyPhone} hoặc truy cập {countyWebsite}.',
        statusLink,
      ),
      voice: `${voiceIntro} Lá phiếu {electionName} của quý vị không gửi đến được, và bưu điện đã trả lá phiếu về Quận {countyName}. Vui lòng gọi Văn phòng Bầu cử Quận {countyName} theo số {countyPhone} để xác nhận địa chỉ gửi thư và nhận lá phiếu thay thế. Xin cảm ơn.`,
    },
    reissued: {
      sms: `${head} Quận {countyName} đã cấp phiếu mới cho quý vị. Hãy dùng phiếu mới; chỉ phiếu mới nhất được tính. ${STOP}`,
      emailSubject: subject('Đã cấp lá phiếu mới cho {voterName}'),
      emailText: p(
        hello,
        'Quận {countyName} đã cấp lá phiếu {electionName} mới cho quý vị vào ngày {statusDate}. Lá phiếu này thay thế mọi lá phiếu quý vị đã nhận trước đây.',
        'Chỉ lá phiếu mới nhất mới có thể được kiểm đếm, vì vậy vui lòng bỏ phiếu bằng lá phiếu mới và gửi lại chậm nhất là vào ngày bầu cử, {electionDate}. Nếu quý vị đã gửi lại lá phiếu cũ, vui lòng gọi quận theo số {countyPhone}.',
        closing,
      ),
      voice: `${voiceIntro} Quận {countyName} đã cấp lá phiếu {electionName} mới cho quý vị. Chỉ lá phiếu mới nhất mới có thể được kiểm đếm, vì vậy vui lòng bỏ phiếu bằng lá phiếu mới và gửi lại. Nếu có thắc mắc, vui lòng gọi Văn phòng Bầu cử Quận {countyName} theo số {countyPhone}. Xin cảm ơn.`,
    },
    in_person: {
      sms: `${head} Quận {countyName} ghi nhận quý vị đã bỏ phiếu trực tiếp nên phiếu qua thư sẽ không được tính. ${STOP}`,
      emailSubject: subject('Đã ghi nhận {voterName} bỏ phiếu trực tiếp'),
      emailText: p(
        hello,
        'Theo hồ sơ của Quận {countyName}, quý vị đã bỏ phiếu trực tiếp trong {electionName}. Lá phiếu bầu qua thư của quý vị không còn cần thiết và sẽ không được kiểm đếm.',
        'Cảm ơn quý vị đã bỏ phiếu. Nếu quý vị cho rằng có sai sót, vui lòng gọi Văn phòng Bầu cử Quận {countyName} theo số {countyPhone}.',
        statusLink,
      ),
      voice: `${voiceIntro} Theo hồ sơ của Quận {countyName}, quý vị đã bỏ phiếu trực tiếp trong {electionName}. Lá phiếu bầu qua thư của quý vị không còn cần thiết và sẽ không được kiểm đếm. Nếu quý vị cho rằng có sai sót, vui lòng gọi Văn phòng Bầu cử Quận {countyName} theo số {countyPhone}. Cảm ơn quý vị đã bỏ phiếu.`,
    },
    confirmation: {
      sms: `{serviceName}: {voterName} đã đăng ký nhận tin nhắn về lá phiếu từ Quận {countyName}.{needsYes, select, yes { Trả lời YES để xác nhận.} other {}} ${STOP}`,
      emailSubject: 'Đã đăng ký nhận thông báo về lá phiếu: {voterName}, Quận {countyName}',
      emailText: p(
        hello,
        '{voterName} ở Quận {countyName} đã được đăng ký nhận thông báo theo dõi lá phiếu của {serviceName}. Chúng tôi sẽ báo cho quý vị khi lá phiếu được gửi đi, khi quận nhận được lá phiếu, và khi lá phiếu được chấp nhận hoặc cần quý vị xử lý.',
        'Xem tình trạng lá phiếu hoặc thay đổi cài đặt: {statusUrl}\nNếu có thắc mắc, vui lòng gọi {helpPhone}.',
      ),
      voice: 'Xin chào. Đây là {serviceName}. {voterName} ở Quận {countyName} đã được đăng ký nhận thông báo theo dõi lá phiếu. Chúng tôi sẽ báo khi lá phiếu được gửi đi, khi quận nhận được lá phiếu, và khi lá phiếu được chấp nhận hoặc cần xử lý. Xin cảm ơn.',
    },
    opt_out_confirmation: {
      sms: '{serviceName}: số này sẽ không còn nhận tin nhắn về lá phiếu. Trả lời START để nhận lại.',
      emailSubject: '{serviceName}: quý vị sẽ không còn nhận email về lá phiếu',
      emailText: p(
        'Địa chỉ này sẽ không còn nhận email theo dõi lá phiếu của {serviceName}.',
        'Nếu đổi ý, quý vị có thể đăng ký lại tại {statusUrl}. Nếu có thắc mắc, vui lòng gọi {helpPhone}.',
      ),
      voice: 'Đây là {serviceName}. Số này sẽ không còn nhận cuộc gọi theo dõi lá phiếu. Xin cảm ơn.',
    },
    opt_in_confirmation: {
      sms: `{serviceName}: số này sẽ nhận lại tin nhắn về lá phiếu. Trả lời HELP để được trợ giúp. ${STOP}`,
      emailSubject: '{serviceName}: quý vị sẽ nhận lại email về lá phiếu',
      emailText: p(
        'Địa chỉ này sẽ nhận lại email theo dõi lá phiếu của {serviceName}.',
        'Xem tình trạng lá phiếu hoặc thay đổi cài đặt: {statusUrl}\nNếu có thắc mắc, vui lòng gọi {helpPhone}.',
      ),
      voice: 'Đây là {serviceName}. Số này sẽ nhận lại cuộc gọi theo dõi lá phiếu. Xin cảm ơn.',
    },
    help: {
      sms: `{serviceName}: tin nhắn theo dõi lá phiếu của tiểu bang và quận. Trợ giúp: {helpPhone} hoặc {statusUrl}. Có thể mất phí tin nhắn và dữ liệu. ${STOP}`,
      emailSubject: '{serviceName}: trợ giúp về thông báo theo dõi lá phiếu',
      emailText: p(
        '{serviceName} gửi thông báo theo dõi lá phiếu thay mặt tiểu bang và văn phòng bầu cử của quận nơi quý vị cư trú.',
        'Để được trợ giúp, vui lòng gọi {helpPhone} hoặc truy cập {statusUrl}. Để ngừng nhận các email này, hãy dùng liên kết hủy đăng ký bên dưới.',
      ),
      voice: 'Đây là {serviceName}, dịch vụ gửi thông báo theo dõi lá phiếu thay mặt tiểu bang và văn phòng bầu cử của quận nơi quý vị cư trú. Để được trợ giúp, vui lòng gọi {helpPhone}. Xin cảm ơn.',
    },
  },
};
