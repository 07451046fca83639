package dev.flatline.kernel;

import java.util.List;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;

/**
 * jjava's kernel_info reply plus the {@code "status": "ok"} that Jupyter's message spec (5.x)
 * requires and jjava 1.0-a6 leaves out (the conformance suite rejects the reply without it).
 */
final class KernelInfoReplyOk extends KernelInfoReply {

    @SuppressWarnings("unused") // serialised by gson
    private final String status = "ok";

    KernelInfoReplyOk(String protocolVersion, String name, String version, LanguageInfo languageInfo,
                      String banner, List<HelpLink> helpLinks) {
        super(protocolVersion, name, version, languageInfo, banner, helpLinks);
    }
}
