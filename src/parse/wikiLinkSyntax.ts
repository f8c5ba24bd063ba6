import type { Code, Construct, Effects, Extension, State, TokenizeContext } from "micromark-util-types";

declare module "micromark-util-types" {
  interface TokenTypeMap {
    wikiLink: "wikiLink";
    wikiLinkEmbedMarker: "wikiLinkEmbedMarker";
    wikiLinkMarker: "wikiLinkMarker";
    wikiLinkData: "wikiLinkData";
    wikiLinkTarget: "wikiLinkTarget";
    wikiLinkAliasMarker: "wikiLinkAliasMarker";
    wikiLinkAlias: "wikiLinkAlias";
  }
}

const EXCLAMATION = 33;
const LEFT_BRACKET = 91;
const BACKSLASH = 92;
const RIGHT_BRACKET = 93;
const PIPE = 124;

/**
 * Obsidian's `[[target|alias]]` and `![[embed]]`, emitting the tokens of
 * micromark-extension-wiki-link (remark-wiki-link's tokenizer) so its tree builder still applies.
 *
 * Ours because that tokenizer drops embeds, keeps `\` of a table's `\|`, and is quadratic on
 * unclosed brackets. Here a link never holds `[`, `]` or a line ending (Obsidian forbids them in
 * names), so each attempt stops at the next bracket: the scan stays linear.
 */
export function wikiLinkSyntax(): Extension {
  const construct: Construct = { name: "wikiLink", tokenize: tokenizeWikiLink, add: "before" };
  return { text: { [EXCLAMATION]: construct, [LEFT_BRACKET]: construct } };
}

const escapedPipe: Construct = { tokenize: tokenizeEscapedPipe, partial: true };

function tokenizeWikiLink(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let hasTarget = false;
  return start;

  function start(code: Code): State | undefined {
    effects.enter("wikiLink");
    if (code !== EXCLAMATION) return open(code);
    effects.enter("wikiLinkEmbedMarker");
    effects.consume(code);
    effects.exit("wikiLinkEmbedMarker");
    return open;
  }

  function open(code: Code): State | undefined {
    if (code !== LEFT_BRACKET) return nok(code);
    effects.enter("wikiLinkMarker");
    effects.consume(code);
    return openSecond;
  }

  function openSecond(code: Code): State | undefined {
    if (code !== LEFT_BRACKET) return nok(code);
    effects.consume(code);
    effects.exit("wikiLinkMarker");
    effects.enter("wikiLinkData");
    effects.enter("wikiLinkTarget");
    return target;
  }

  function target(code: Code): State | undefined {
    if (code === PIPE) return hasTarget ? aliasMarker(code) : nok(code);
    if (code === RIGHT_BRACKET) return hasTarget ? closeAfterTarget(code) : nok(code);
    if (code === BACKSLASH) return effects.check(escapedPipe, escapedAliasMarker, targetCharacter)(code);
    return targetCharacter(code);
  }

  function targetCharacter(code: Code): State | undefined {
    if (endsAttempt(code)) return nok(code);
    if (!isBlank(code)) hasTarget = true;
    effects.consume(code);
    return target;
  }

  function escapedAliasMarker(code: Code): State | undefined {
    if (!hasTarget) return nok(code);
    effects.exit("wikiLinkTarget");
    effects.enter("wikiLinkAliasMarker");
    effects.consume(code);
    return aliasMarkerPipe;
  }

  function aliasMarker(code: Code): State | undefined {
    effects.exit("wikiLinkTarget");
    effects.enter("wikiLinkAliasMarker");
    return aliasMarkerPipe(code);
  }

  function aliasMarkerPipe(code: Code): State | undefined {
    effects.consume(code);
    effects.exit("wikiLinkAliasMarker");
    return aliasStart;
  }

  function aliasStart(code: Code): State | undefined {
    if (code === RIGHT_BRACKET) return close(code);
    if (endsAttempt(code)) return nok(code);
    effects.enter("wikiLinkAlias");
    return alias(code);
  }

  function alias(code: Code): State | undefined {
    if (code === RIGHT_BRACKET) {
      effects.exit("wikiLinkAlias");
      return close(code);
    }
    if (endsAttempt(code)) return nok(code);
    effects.consume(code);
    return alias;
  }

  function closeAfterTarget(code: Code): State | undefined {
    effects.exit("wikiLinkTarget");
    return close(code);
  }

  function close(code: Code): State | undefined {
    effects.exit("wikiLinkData");
    effects.enter("wikiLinkMarker");
    effects.consume(code);
    return closeSecond;
  }

  function closeSecond(code: Code): State | undefined {
    if (code !== RIGHT_BRACKET) return nok(code);
    effects.consume(code);
    effects.exit("wikiLinkMarker");
    effects.exit("wikiLink");
    return ok;
  }
}

/** `\|`: in a table cell the pipe of a wikilink is escaped, and still divides target from alias. */
function tokenizeEscapedPipe(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  return (code) => {
    effects.enter("wikiLinkAliasMarker");
    effects.consume(code);
    return (next) => {
      if (next !== PIPE) return nok(next);
      effects.consume(next);
      effects.exit("wikiLinkAliasMarker");
      return ok;
    };
  };
}

/** A line ending, the end, or a bracket: no wikilink spans them. */
function endsAttempt(code: Code): boolean {
  return code === null || code < -2 || code === LEFT_BRACKET || code === RIGHT_BRACKET;
}

function isBlank(code: Code): boolean {
  return code === 32 || code === -2 || code === -1;
}
