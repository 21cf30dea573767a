/** Discord web routes: `/channels/<guildId|@me>/<channelId>[/<messageId>]`. */
export function isDiscordChannel(url: URL): boolean {
  return (
    url.protocol === 'https:' &&
    (url.hostname === 'discord.com' ||
      url.hostname === 'ptb.discord.com' ||
      url.hostname === 'canary.discord.com') &&
    /^\/channels\/(@me|\d{5,25})(\/\d{5,25}){0,2}\/?$/.test(url.pathname)
  );
}
