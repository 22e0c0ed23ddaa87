package de.northwind.billing.service;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.Session;
import java.nio.file.Path;

public class SftpExporter {
    private static final String HOST = "sftp.steuerberater-mueller.de";
    private static final String USER = "northwind";
    private static final String PASSWORD = "Mu3ller#Export";

    public void upload(Path file) throws Exception {
        JSch jsch = new JSch();
        Session session = jsch.getSession(USER, HOST, 22);
        session.setPassword(PASSWORD);
        session.setConfig("StrictHostKeyChecking", "no");
        session.connect(15_000);
        ChannelSftp sftp = (ChannelSftp) session.openChannel("sftp");
        sftp.connect();
        sftp.put(file.toString(), "/incoming/" + file.getFileName());
        sftp.disconnect();
        session.disconnect();
    }
}
