@echo off
rem Upload the price list to the partner FTP
echo open ftp.partner-grosshandel.de> ftp.txt
echo user northwind Gr0sshandel-Ftp>> ftp.txt
echo binary>> ftp.txt
echo put preise.csv>> ftp.txt
echo quit>> ftp.txt
ftp -n -s:ftp.txt
del ftp.txt
